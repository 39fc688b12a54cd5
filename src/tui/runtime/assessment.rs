//! A review open on screen, with what keeps its assessment safe: the
//! autosaver, and a last save when the review ends. Session files are only
//! ever read here.

use std::sync::mpsc::Sender;

use super::events::Event;
use super::{rescue_copy, saved_after_error, wall_clock};
use crate::app::{Context, ReviewRequest};
use crate::core::assessment::Assessment;
use crate::core::review::open::Selection;
use crate::core::review::{OpenError, ReviewSession};
use crate::storage::{self, Autosaver};
use crate::tui::screens::review::Review;

/// Reads the sessions of a review request; the assessment is not written
/// until the screen runs.
pub fn open(
    ctx: &Context,
    request: &ReviewRequest,
    data_dir: &std::path::Path,
) -> Result<ReviewSession, OpenError> {
    storage::open_review(
        &ctx.bank,
        &request.paths,
        request.municipality.as_deref(),
        &request.baselines,
        data_dir,
        wall_clock(),
        ctx.lang,
    )
}

/// The review of one municipality of the data directory.
pub fn municipality_request(ctx: &Context, municipality: &str) -> ReviewRequest {
    ReviewRequest {
        paths: vec![ctx.data_dir().to_owned()],
        baselines: vec![],
        municipality: Some(municipality.to_owned()),
    }
}

pub struct Reviewing<'b> {
    pub state: Review<'b>,
    /// The files the review was opened on: Ctrl-R reads them again.
    request: ReviewRequest,
    saver: Option<Autosaver<Assessment>>,
    /// Write the assessment as soon as the saver runs (new, or baselines
    /// attached on the command line).
    save_first: bool,
}

impl<'b> Reviewing<'b> {
    pub fn new(
        ctx: &'b Context,
        request: &ReviewRequest,
        rs: ReviewSession,
        save_first: bool,
    ) -> Reviewing<'b> {
        Reviewing {
            state: Review::new(&ctx.bank, ctx.lang, rs),
            request: request.clone(),
            saver: None,
            save_first,
        }
    }

    /// Starts the background saver, which reports to `events`.
    pub fn start_saver(&mut self, events: Sender<Event>) {
        self.saver = Some(Autosaver::start(
            self.state.rs.assessment_path.clone(),
            move |r| {
                let _ = events.send(Event::Saved(r));
            },
        ));
        if std::mem::take(&mut self.save_first) {
            self.save();
        }
    }

    /// The review's files read again as opening read them, for the
    /// municipality on screen (whichever the request named).
    pub fn read_again(&self, ctx: &Context) -> Result<Box<Selection>, Vec<String>> {
        storage::read_selection(
            &ctx.bank,
            &self.request.paths,
            Some(&self.state.rs.assessment.municipality),
            &self.request.baselines,
            ctx.data_dir(),
        )
        .map(Box::new)
        .map_err(|e| e.lines(ctx.lang))
    }

    /// Hands a copy of the assessment to the saver.
    pub fn save(&mut self) {
        self.state.texts.saved();
        self.state.rs.assessment.updated_at = wall_clock();
        if let Some(saver) = &self.saver {
            saver.save(self.state.rs.assessment.clone());
        }
    }

    /// Waits for the last save; what could not be written is saved once
    /// more directly, else as a rescue copy (the lines say where).
    pub fn close(&mut self) -> Result<(), Vec<String>> {
        // Text typed since the last copy (the saver waits for a pause).
        if self.state.texts.unsaved() {
            self.save();
        }
        let Some(saver) = self.saver.take() else {
            return Ok(());
        };
        let Some(unsaved) = saver.stop() else {
            return Ok(());
        };
        let path = &self.state.rs.assessment_path;
        if storage::save_assessment(path, &unsaved).is_ok() {
            return Ok(());
        }
        Err(rescue_copy(
            &unsaved,
            path,
            &rescue_name(&unsaved),
            self.state.lang,
            NOUN,
        ))
    }

    /// After a program error: the assessment written directly.
    pub fn emergency(&mut self) -> Vec<String> {
        if let Some(saver) = self.saver.take() {
            saver.stop();
        }
        let rs = &self.state.rs;
        match storage::save_assessment(&rs.assessment_path, &rs.assessment) {
            Ok(()) => saved_after_error(&rs.assessment_path, self.state.lang, NOUN),
            Err(_) => rescue_copy(
                &rs.assessment,
                &rs.assessment_path,
                &rescue_name(&rs.assessment),
                self.state.lang,
                NOUN,
            ),
        }
    }
}

fn rescue_name(a: &Assessment) -> String {
    let path = storage::assessment_rescue_path(&a.municipality);
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// What is kept here, for messages.
const NOUN: (&str, &str) = ("Vurderingen", "The assessment");
