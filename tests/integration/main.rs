//! The one integration-test binary: cross-crate behaviour on real SQLite files, and the
//! `newsroom` CLI run as a process.

mod cli;
mod store;
