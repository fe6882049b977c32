//! The one integration-test binary of the app package: what holds across the shell and the
//! crates it wires together. (Each capability's own behaviour is tested in its crate, the CLI
//! as a process from its crate, and the running app end to end under `tests/e2e/`.)

mod permissions;
