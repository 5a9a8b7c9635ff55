//! Document-element cues (domain guide §2.2–§2.3).
