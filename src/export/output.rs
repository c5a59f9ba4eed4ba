//! Whole-or-nothing outputs: every export is written into a temporary file or folder
//! beside its target and renamed into place only when complete, so a full disk or a
//! crash never leaves a truncated dataset that looks valid.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::ExportError;

fn io_error(path: &Path, e: impl std::fmt::Display) -> ExportError {
    ExportError::Io { path: path.display().to_string(), reason: e.to_string() }
}

/// The folder the temporary output goes into: the target's parent, which must exist
/// so the final rename stays on one file system.
fn parent_of(out: &Path) -> Result<&Path, ExportError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(io_error(out, format!("folder {} does not exist", parent.display())));
    }
    Ok(parent)
}

/// A temporary file or folder created with `mode` under the user's umask (0644 for
/// a file, 0755 for a folder under 022), not tempfile's private 0600 / 0700: the
/// output is renamed into place as it is, and a colleague or a brat server running
/// as another user must be able to read it.
fn shared<'a, 'b>(builder: &'b mut tempfile::Builder<'a, 'a>, mode: u32) -> &'b mut tempfile::Builder<'a, 'a> {
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    #[cfg(not(unix))]
    let _ = mode;
    builder
}

fn refuse_existing(out: &Path, force: bool) -> Result<(), ExportError> {
    if !force && std::fs::symlink_metadata(out).is_ok() {
        return Err(ExportError::Exists { path: out.display().to_string() });
    }
    Ok(())
}

/// Writes one file through `fill`, then renames it over `out`.
pub(crate) fn write_file(
    out: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    refuse_existing(out, force)?;
    let parent = parent_of(out)?;
    if out.is_dir() {
        return Err(io_error(out, "it is a folder"));
    }
    let tmp = shared(tempfile::Builder::new().prefix(".claimcoder-export-").suffix(".tmp"), 0o666)
        .tempfile_in(parent)
        .map_err(|e| io_error(out, e))?;
    {
        let mut w = BufWriter::with_capacity(1 << 20, tmp.as_file());
        fill(&mut w).map_err(|e| io_error(out, e))?;
        w.flush().map_err(|e| io_error(out, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| io_error(out, e))?;
    tmp.persist(out).map_err(|e| io_error(out, e.error))?;
    Ok(())
}

/// Writes a folder through `fill`, then moves it to `out`; an existing `out` is
/// replaced only with `force`, and only after the new folder is complete.
pub(crate) fn write_dir(
    out: &Path,
    force: bool,
    fill: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    refuse_existing(out, force)?;
    let parent = parent_of(out)?;
    let tmp = shared(tempfile::Builder::new().prefix(".claimcoder-export-"), 0o777)
        .tempdir_in(parent)
        .map_err(|e| io_error(out, e))?;
    fill(tmp.path()).map_err(|e| io_error(out, e))?;
    let tmp_path = tmp.keep();
    let result = replace_with(out, &tmp_path, parent);
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp_path);
    }
    result
}

/// Moves `new` to `out`, setting an existing `out` aside first and deleting it once
/// the new folder is in place (dropping `aside` deletes it).
fn replace_with(out: &Path, new: &Path, parent: &Path) -> Result<(), ExportError> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(new, out).map_err(|e| io_error(out, e));
    }
    let aside = tempfile::Builder::new().prefix(".claimcoder-old-").tempdir_in(parent).map_err(|e| io_error(out, e))?;
    let aside_path = aside.path().join("old");
    std::fs::rename(out, &aside_path).map_err(|e| io_error(out, e))?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(&aside_path, out);
        return Err(io_error(out, e));
    }
    drop(aside);
    Ok(())
}
