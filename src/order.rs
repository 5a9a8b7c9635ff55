//! Stable sorting by an integer key with one copy of the sort in the whole binary.
//!
//! Why: `slice::sort_by_key` is generic over the element *and* the key closure, so every call
//! site compiles its own copy of the standard library's driftsort (quicksort, merge, small-sort
//! networks: ~3.5 KB of wasm each). Twenty of them were 70 KB of the page's wasm before it was
//! optimised. Here the sort runs once, on `(key, index)` pairs — a single instantiation for the
//! crate — and the elements are then moved into place by following the permutation's cycles;
//! only that short loop is generic. The index in the pair breaks ties, so the result is exactly
//! what a stable sort gives.

/// Sorts `v` by `key`, ascending; equal keys keep their order (a stable sort).
pub fn by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let keyed = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    apply(v, keyed);
}

/// Sorts `v` by `key`, descending; equal keys keep their order (as `sort_by_key` with
/// `std::cmp::Reverse` does).
pub fn by_key_desc<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let keyed = v.iter().enumerate().map(|(i, x)| (!key(x), i)).collect();
    apply(v, keyed);
}

/// Sorts indexes `v` by a comparator, stably. The comparator is a trait object so that every
/// such sort of the crate (the page's column sorts, its timeline, its marks) shares one copy of
/// the standard sort instead of one per closure.
#[cfg(any(test, all(target_arch = "wasm32", feature = "web")))]
pub fn indexes_by(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    v.sort_by(|&x, &y| cmp(x, y));
}

/// The one sort of the crate's pairs (not generic).
fn sort_pairs(pairs: &mut [(u64, usize)]) {
    pairs.sort_unstable();
}

/// Puts `v` in the order of `keyed` (sorted here): position `k` receives the element that was
/// at `keyed[k].1`.
fn apply<T>(v: &mut [T], mut keyed: Vec<(u64, usize)>) {
    if v.len() < 2 {
        return;
    }
    sort_pairs(&mut keyed);
    let mut from: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    for start in 0..from.len() {
        let mut j = start;
        // Each position is marked done (from[j] = j) as its element arrives.
        while from[j] != j {
            let next = from[j];
            from[j] = j;
            if next == start {
                break;
            }
            v.swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u64..8, any::<u16>()), 0..64)) {
            let mut ours = v.clone();
            by_key(&mut ours, |x| x.0);
            let mut std_ = v.clone();
            std_.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std_);

            let mut ours = v.clone();
            by_key_desc(&mut ours, |x| x.0);
            let mut std_ = v;
            std_.sort_by_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(ours, std_);
        }
    }

    #[test]
    fn indexes_by_a_comparator_stably() {
        let keys = [3, 1, 3, 0, 1];
        let mut v: Vec<usize> = (0..keys.len()).collect();
        indexes_by(&mut v, &|x, y| keys[x].cmp(&keys[y]));
        assert_eq!(v, [3, 1, 4, 0, 2]);
    }

    #[test]
    fn sorts_a_sub_slice_of_owned_values() {
        let mut v: Vec<String> = ["d", "b", "a", "c"].iter().map(|s| s.to_string()).collect();
        by_key(&mut v[1..], |s| s.as_bytes()[0] as u64);
        assert_eq!(v, ["d", "a", "b", "c"]);
    }
}
