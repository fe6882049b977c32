//! The one integration-test binary: cross-crate behaviour on real SQLite files. (The `newsroom`
//! CLI is tested as a process from its own crate, where Cargo builds the binary for it.)

mod store;
