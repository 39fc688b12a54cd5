//! The pure core: question bank, sessions, exact scoring and merging.
//!
//! Nothing in here touches a terminal or the file system; every function takes
//! and returns plain values so it can be tested directly and reused by the CLI,
//! the TUI and the report writers alike.

pub mod assessment;
pub mod bank;
pub mod baseline;
pub mod benchmark;
pub mod bundle;
pub mod exact;
pub mod lang;
pub mod merge;
pub mod migrate;
pub mod parse;
pub mod results;
pub mod retention;
pub mod review;
pub mod scoring;
pub mod session;
pub mod similarity;
pub mod slug;
pub mod text;

#[cfg(test)]
mod messages_nb_tests;
