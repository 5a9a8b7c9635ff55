//! Output: the `planlens/1` contract ([`model`]) and its JSON, Markdown and CSV forms ([`render`]).

pub mod model;
pub mod render;
