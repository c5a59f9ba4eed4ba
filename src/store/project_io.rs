//! Reading and writing `claimcoder.ron` (FORMAT.md section 2).

use std::path::Path;

use super::annotation_io::{LoadError, decode, pretty, refuse_newer, syntax_error_in};
use super::write_atomic;
use crate::model::Project;

/// Loads the project file at `path`, or the built-in codebook when there is none.
pub fn load_project(path: &Path) -> Result<Project, LoadError> {
    if !path.exists() {
        return Ok(Project::builtin());
    }
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| LoadError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
    let text = decode(&shown, &bytes)?;
    parse_project(&shown, &text)
}

/// Parses the text of a project file strictly (FORMAT.md section 3, "Reading is
/// strict"): a newer `format` is reported as newer, anything unknown as an error.
pub fn parse_project(shown: &str, text: &str) -> Result<Project, LoadError> {
    refuse_newer(shown, text)?;
    ron::from_str(text).map_err(|e| syntax_error_in(shown, text, e))
}

/// Writes the project file atomically.
pub fn save_project(path: &Path, project: &Project) -> std::io::Result<()> {
    let text = project_to_ron(project).map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(path, text.as_bytes())
}

/// The project file's text: pretty RON, one field a line down to a kind's fields.
pub fn project_to_ron(project: &Project) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(project, pretty().depth_limit(4))?;
    text.push('\n');
    Ok(text)
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
