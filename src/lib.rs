//! Kompass: municipal compass evaluations in the terminal.
//!
//! - [`core`]: the pure model (bank, sessions, scoring, merging); no I/O.
//! - [`storage`]: the only code that touches the disk.
//! - [`cli`] and [`tui`]: thin layers on top.

pub mod cli;
pub mod core;
pub mod storage;
pub mod tui;
