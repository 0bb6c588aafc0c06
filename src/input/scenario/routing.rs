//! The routing vocabulary of a scenario file: which groups a type is offered to, in
//! order and after how long, and how a freed agent picks among the types it serves.

/// How a freed agent of a group chooses among the types it serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The first type in `serves` with an eligible contact waiting.
    Priority,
    /// The longest-waiting eligible contact of any type served.
    LongestWait,
}

impl Pick {
    /// The word a scenario file uses for this rule.
    pub fn key(self) -> &'static str {
        match self {
            Pick::Priority => "priority",
            Pick::LongestWait => "longest_wait",
        }
    }
}

/// One step of a type's routing: a group, eligible once the contact has waited `after_s`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Route {
    /// Index of the group.
    pub group: usize,
    /// Seconds a contact must have waited before this group may answer it.
    pub after_s: f64,
}
