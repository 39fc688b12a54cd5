//! The screens, each a state with a pure update step and a view that only
//! draws; the runtime runs them.

pub mod form;
pub mod interview;
pub mod review;
pub mod start;
