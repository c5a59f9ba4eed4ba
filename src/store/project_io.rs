//! Reading and writing `claimcoder.ron` (FORMAT.md section 2).

use std::path::Path;

use super::annotation_io::{LoadError, decode, pretty, syntax_error_in};
use super::write_atomic;
use crate::model::{FORMAT_VERSION, Project};

/// Loads the project file at `path`, or the built-in codebook when there is none.
pub fn load_project(path: &Path) -> Result<Project, LoadError> {
    if !path.exists() {
        return Ok(Project::builtin());
    }
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| LoadError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
    let text = decode(&shown, &bytes)?;
    let project: Project = ron::from_str(&text).map_err(|e| syntax_error_in(&shown, &text, e))?;
    if project.format > FORMAT_VERSION {
        return Err(LoadError::NewerFormat { path: shown, found: project.format });
    }
    Ok(project)
}

/// Writes the project file atomically.
pub fn save_project(path: &Path, project: &Project) -> std::io::Result<()> {
    let mut text = ron::ser::to_string_pretty(project, pretty().depth_limit(4))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_builtin_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("claimcoder.ron");
        let mut project = load_project(&p).unwrap();
        assert_eq!(project, Project::builtin());
        project.actors.ensure("Jacob J. Lew");
        save_project(&p, &project).unwrap();
        assert_eq!(load_project(&p).unwrap(), project);
    }

    #[test]
    fn broken_file_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("claimcoder.ron");
        std::fs::write(&p, "(\n  format: 1,\n  kinds: [oops],\n)").unwrap();
        match load_project(&p) {
            Err(LoadError::Syntax { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}
