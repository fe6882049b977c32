//! What the API's integration tests share: a store opened as a front end opens it, without
//! the demo pieces, its search index built before the first call.

use newsroom_api::{Api, OpenOptions};

pub fn open(dir: &std::path::Path) -> Api {
    Api::open(&OpenOptions {
        data_dir: Some(dir.to_path_buf()),
        index_in_background: false,
    })
    .unwrap()
}
