//! Kompass: municipal compass evaluations in the terminal.
//!
//! - [`core`]: the pure model (bank, sessions, scoring, merging); no I/O.
//! - [`storage`]: the only code that touches the disk.
//! - [`report`]: the report to the council, computed once and rendered as
//!   HTML, Markdown, XLSX, CSV or JSON (pure: bytes in memory, no I/O).
//! - [`cli`] and [`tui`]: thin layers on top.

pub mod cli;
pub mod core;
pub mod report;
pub mod storage;
pub mod tui;
