//! Ingest: a batch of files (a folder stands for its images) imported into the photo library,
//! the slow work (reading, hashing, decoding, renditions, files) on as many threads as the
//! machine has cores, the store taken only to look a photo up and to record it, in the
//! batch's order, with a metadata template filling each new photo.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::Utc;

use crate::{Api, ApiError, ApiResult, ImportProgress, ImportStage, Imported, Photo};

/// Where one file of a batch is once its slow work is done.
pub(crate) enum Staged {
    /// The same bytes are in the library already (attached to the piece when one is named).
    Known(Box<Imported>),
    Prepared(Box<newsroom_photos::Prepared>),
}

/// More threads than this gain nothing on a laptop's disk and cost memory (a 24-megapixel
/// photo takes some 40 MB while it is decoded).
const MAX_WORKERS: usize = 4;

impl Api {
    /// The files to import for what was picked: a folder (a card) stands for the image files
    /// in it and its folders, in shooting order.
    pub fn photo_files(&self, picked: &[PathBuf]) -> ApiResult<Vec<PathBuf>> {
        let mut files = Vec::new();
        for path in picked {
            if path.is_dir() {
                files.extend(newsroom_photos::images_in_folder(path)?);
            } else {
                files.push(path.clone());
            }
        }
        Ok(files)
    }

    /// Imports files, reporting each step of each file to `progress`; a file that fails is
    /// reported and the rest still import. With a template, each photo new to the library gets
    /// it (`{seq}` counts them in the batch's order); one already there keeps its fields.
    pub fn photo_import_batch(
        &self,
        paths: &[PathBuf],
        article_id: Option<&str>,
        template: Option<&str>,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Vec<ApiResult<Imported>> {
        let total = paths.len() as u32;
        let report = |index: usize, stage: ImportStage, photo: Option<Photo>, error: Option<ApiError>| {
            ImportProgress {
                index: index as u32,
                total,
                file: paths[index].display().to_string(),
                stage,
                created: None,
                photo,
                error,
            }
        };
        let fields = match template
            .map(|name| self.photo_template_expanded(name))
            .transpose()
        {
            Ok(fields) => fields,
            Err(err) => {
                for index in 0..paths.len() {
                    progress(report(index, ImportStage::Failed, None, Some(err.clone())));
                }
                return paths.iter().map(|_| Err(err.clone())).collect();
            }
        };
        for index in 0..paths.len() {
            progress(report(index, ImportStage::Queued, None, None));
        }
        let mut outcomes = Vec::with_capacity(paths.len());
        // Files finish out of order; they are recorded, templated and reported in order.
        let mut ready = BTreeMap::new();
        let mut seq = 0;
        if !paths.is_empty() {
            progress(report(0, ImportStage::Processing, None, None));
        }
        on_every_core(
            paths.len(),
            |index| self.photo_stage(&paths[index], article_id),
            |index, staged| {
                ready.insert(index, staged);
                while let Some(staged) = ready.remove(&outcomes.len()) {
                    let index = outcomes.len();
                    let path = &paths[index];
                    let mut outcome = staged.and_then(|staged| self.photo_record(staged, article_id));
                    if let (Ok(imported), Some(fields)) = (&mut outcome, &fields) {
                        if imported.created {
                            seq += 1;
                            match self.photo_template_fill(fields, &imported.photo.id, seq) {
                                Ok(photo) => imported.photo = photo,
                                Err(err) => outcome = Err(err),
                            }
                        }
                    }
                    let outcome = outcome.map_err(|err| named(path, err));
                    match &outcome {
                        Ok(imported) => progress(ImportProgress {
                            created: Some(imported.created),
                            ..report(index, ImportStage::Done, Some(imported.photo.clone()), None)
                        }),
                        Err(err) => progress(report(index, ImportStage::Failed, None, Some(err.clone()))),
                    }
                    outcomes.push(outcome);
                    if outcomes.len() < paths.len() {
                        progress(report(outcomes.len(), ImportStage::Processing, None, None));
                    }
                }
            },
        );
        outcomes
    }

    /// The slow part of one file's import.
    fn photo_stage(&self, path: &Path, article_id: Option<&str>) -> ApiResult<Staged> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = newsroom_photos::read_file(path)?;
        self.photo_stage_bytes(&name, &bytes, article_id)
    }

    /// The slow part of an import (hashing, decoding, renditions, files), holding the store
    /// only to look the bytes up: the same bytes imported again reuse the stored photo.
    pub(crate) fn photo_stage_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        article_id: Option<&str>,
    ) -> ApiResult<Staged> {
        let sha256 = newsroom_photos::sha256_hex(bytes);
        if let Some(known) = newsroom_photos::reuse(&*self.conn()?, &sha256, bytes, article_id)? {
            return Ok(Staged::Known(Box::new(known)));
        }
        Ok(Staged::Prepared(Box::new(newsroom_photos::prepare(
            &self.photos_dir(),
            name,
            bytes,
            sha256,
        )?)))
    }

    /// Records what was staged (the store taken only for this), in the caller's order.
    pub(crate) fn photo_record(&self, staged: Staged, article_id: Option<&str>) -> ApiResult<Imported> {
        match staged {
            Staged::Known(known) => Ok(*known),
            Staged::Prepared(prepared) => {
                let imported = newsroom_photos::commit(&*self.conn()?, &prepared, article_id, Utc::now())?;
                if !imported.photo.people.is_empty() {
                    self.directory_changed();
                }
                Ok(imported)
            }
        }
    }
}

/// Runs `work` for each index below `count` on up to [`MAX_WORKERS`] threads, and hands each
/// result to `done` on the calling thread as it arrives (in the order they finish).
fn on_every_core<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync, mut done: impl FnMut(usize, T)) {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_WORKERS)
        .min(count.max(1));
    let next = AtomicUsize::new(0);
    let (sender, received) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= count || sender.send((index, work(index))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (index, result) in received {
            done(index, result);
        }
    });
}

/// An error that names the file it is about.
fn named(path: &Path, err: ApiError) -> ApiError {
    if err.message.contains(&path.display().to_string()) {
        return err;
    }
    ApiError::new(err.code, format!("{}: {}", path.display(), err.message))
}

/// Delivery: many photos written to a folder with their fields inside, on every core.
impl Api {
    /// Writes photos into a folder, each under its own file name (a name already taken there
    /// gets a number), with its caption fields inside; one failure does not stop the rest.
    /// Returns, in the order given, where each went or why it could not be written.
    pub fn photo_export_dir(
        &self,
        ids: &[String],
        rendition: newsroom_photos::Rendition,
        dir: &Path,
    ) -> Vec<ApiResult<PathBuf>> {
        let targets = match self.export_targets(ids, rendition, dir) {
            Ok(targets) => targets,
            Err(err) => return ids.iter().map(|_| Err(err.clone())).collect(),
        };
        let mut outcomes: Vec<Option<ApiResult<PathBuf>>> = ids.iter().map(|_| None).collect();
        on_every_core(
            ids.len(),
            |index| {
                let out = &targets[index];
                self.photo_export(&ids[index], rendition, None, out)
                    .map(|()| out.clone())
            },
            |index, written| outcomes[index] = Some(written),
        );
        outcomes
            .into_iter()
            .map(|o| {
                o.unwrap_or_else(|| Err(ApiError::new(crate::ErrorCode::Internal, "the export stopped")))
            })
            .collect()
    }

    /// Each photo's file in the folder: its own name (as a JPEG), numbered when taken.
    fn export_targets(
        &self,
        ids: &[String],
        rendition: newsroom_photos::Rendition,
        dir: &Path,
    ) -> ApiResult<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| {
            ApiError::new(
                crate::ErrorCode::Storage,
                format!("{}: cannot create: {e}", dir.display()),
            )
        })?;
        let conn = self.conn()?;
        let mut taken = std::collections::HashSet::new();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let photo = newsroom_photos::get(&conn, id)?;
            let stem = Path::new(&photo.original_name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| photo.id.clone());
            let extension = match rendition {
                newsroom_photos::Rendition::Original => photo.format.extension(),
                _ => "jpg",
            };
            let mut name = format!("{stem}.{extension}");
            let mut n = 1;
            while taken.contains(&name.to_lowercase()) || dir.join(&name).exists() {
                n += 1;
                name = format!("{stem}-{n}.{extension}");
            }
            taken.insert(name.to_lowercase());
            out.push(dir.join(name));
        }
        Ok(out)
    }
}
