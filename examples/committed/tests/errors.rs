//! The committed file behaves as the catalog says.
use example_committed::{NotesError, NotesStatus};

#[test]
fn the_committed_types_follow_the_catalog() {
    let e = NotesError::NoteNotFound {
        note_id: "n_1".to_owned(),
    };
    assert_eq!(e.to_string(), "No note n_1");
    assert_eq!(e.status(), NotesStatus::NotFound);
    assert_eq!(e.code(), "note_not_found");
    assert_eq!(
        e.meta().docs_url(),
        Some("https://docs.example.com/errors/note_not_found")
    );
    assert_eq!(NotesError::RateLimited.retry_after(), Some(30));
    assert_eq!(
        NotesError::lookup("note_locked").map(|m| m.status()),
        Some(409)
    );
}
