//! Stories: the research's argument as guided steps, each a view of the
//! explorer with a few sentences and marks on the graph.
//!
//! A story is a hand-written text file in `assets/stories/` (the format is in
//! `docs/STORIES.md`). [`parse`] reads one file, [`load`] reads them all and
//! checks them against the dataset, and every problem is a [`DataError`] with
//! file, line and field, as for the CSVs. A story with problems is left out
//! (the others still show) and its problems are listed where stories are.
//! [`open`] turns a link naming a step (`story=hedgers&step=3`) into the view
//! the step shows.

use crate::dataset::DataError;
use crate::graph::{self, Graph};
use crate::model::Dataset;
use crate::view::url::{self, Notice, StoryAt, ViewState};

/// The story files shipped with the app, by file name (from `build.rs`).
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/stories.rs"));

/// Most steps a story may have, and fewest.
pub const STEPS: std::ops::RangeInclusive<usize> = 3..=8;
/// Longest step text, in characters (citation marks not counted).
pub const MAX_TEXT: usize = 700;
/// Longest note, in characters.
pub const MAX_NOTE: usize = 60;
/// Most notes on one step.
pub const MAX_NOTES: usize = 4;

/// One story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Its id in links: the file name without `.story`.
    pub id: String,
    /// The title.
    pub title: String,
    /// One sentence for the list of stories.
    pub summary: String,
    /// Where it goes in the list.
    pub order: u32,
    /// The steps, at least three.
    pub steps: Vec<Step>,
}

/// One step of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The step's title.
    pub title: String,
    /// The view it shows, as a link's query string (no `v=`).
    pub view: String,
    /// The view, read (filled in by [`load`]).
    pub state: ViewState,
    /// Nodes lit; the rest of the graph is dimmed. Empty: nothing dimmed.
    pub highlight: Vec<String>,
    /// Callouts drawn on the graph.
    pub notes: Vec<Note>,
    /// Paragraphs of text, each a run of plain text and citations.
    pub text: Vec<Vec<Inline>>,
    /// The line of its `==` title, for messages.
    pub line: usize,
}

/// A callout on the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What it points at.
    pub target: Target,
    /// Its text.
    pub text: String,
    /// The line it is written on.
    pub line: usize,
}

/// What a note points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A node, by id.
    Node(String),
    /// The tie drawn between two nodes.
    Tie(String, String),
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A citation of a row of `sources.csv`, by id.
    Cite(String),
}

impl Step {
    /// The step's text without citation marks (for length and summaries).
    pub fn plain_text(&self) -> String {
        let paragraphs: Vec<String> = self
            .text
            .iter()
            .map(|p| {
                p.iter()
                    .filter_map(|i| match i {
                        Inline::Text(t) => Some(t.as_str()),
                        Inline::Cite(_) => None,
                    })
                    .collect::<String>()
            })
            .collect();
        paragraphs.join("\n\n")
    }
}

/// The stories that were read and passed their checks, in list order, and
/// the problems of those that did not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    /// Valid stories, by `order` then id.
    pub list: Vec<Story>,
    /// Every problem found, with file, line and field.
    pub errors: Vec<DataError>,
}

impl Stories {
    /// A story by id.
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.list.iter().find(|s| s.id == id)
    }

    /// The step a link names, if it exists.
    pub fn step(&self, at: &StoryAt) -> Option<&Step> {
        self.get(&at.id)?.steps.get(at.step.checked_sub(1)?)
    }
}

/// A problem of a story file.
fn problem(file: &str, line: usize, field: &str, message: String) -> DataError {
    DataError {
        file: file.to_string(),
        line,
        field: field.to_string(),
        message,
    }
}

/// Reads one story file. `file` is its name (`hedgers.story`), which gives
/// the id. Problems of form are returned all at once; checks that need the
/// dataset are [`check`]'s.
pub fn parse(file: &str, text: &str) -> Result<Story, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut err = |line: usize, field: &str, message: String| {
        errors.push(problem(file, line, field, message))
    };
    let id = file.strip_suffix(".story").unwrap_or(file).to_string();
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        err(
            0,
            "",
            "the file name must be lowercase letters, digits and dashes, ending in .story".into(),
        );
    }
    let mut story = Story {
        id,
        title: String::new(),
        summary: String::new(),
        order: 0,
        steps: Vec::new(),
    };
    let (mut has_order, mut header_line) = (false, 0);
    // Within a step: still reading `key: value` fields, or the text.
    let mut in_fields = false;
    let mut paragraph = String::new();
    let mut paragraph_line = 0;
    let flush = |step: Option<&mut Step>,
                 paragraph: &mut String,
                 line: usize,
                 err: &mut dyn FnMut(usize, &str, String)| {
        if paragraph.is_empty() {
            return;
        }
        let text = std::mem::take(paragraph);
        if let Some(step) = step {
            match inlines(&text) {
                Ok(runs) => step.text.push(runs),
                Err(m) => err(line, "text", m),
            }
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let n = n + 1;
        let line = raw.trim_end();
        if line.starts_with('#') {
            continue;
        }
        if let Some(title) = line.strip_prefix("==") {
            flush(
                story.steps.last_mut(),
                &mut paragraph,
                paragraph_line,
                &mut err,
            );
            let title = title.trim();
            if title.is_empty() {
                err(n, "title", "a step needs a title after ==".into());
            }
            story.steps.push(Step {
                title: title.to_string(),
                view: String::new(),
                state: ViewState::default(),
                highlight: Vec::new(),
                notes: Vec::new(),
                text: Vec::new(),
                line: n,
            });
            in_fields = true;
            continue;
        }
        let Some(step) = story.steps.last_mut() else {
            // The story's header.
            if line.trim().is_empty() {
                continue;
            }
            header_line = header_line.max(n);
            match line.split_once(':') {
                Some(("title", v)) => story.title = v.trim().to_string(),
                Some(("summary", v)) => story.summary = v.trim().to_string(),
                Some(("order", v)) => match v.trim().parse() {
                    Ok(o) => (story.order, has_order) = (o, true),
                    Err(_) => err(n, "order", format!("'{}' is not a whole number", v.trim())),
                },
                _ => err(
                    n,
                    "",
                    "before the first step (==) only title:, summary: and order: may be written"
                        .into(),
                ),
            }
            continue;
        };
        if in_fields {
            if line.trim().is_empty() {
                in_fields = false;
                continue;
            }
            match line.split_once(':') {
                Some(("view", v)) => step.view = v.trim().trim_start_matches('?').to_string(),
                Some(("highlight", v)) => {
                    step.highlight = v.split_whitespace().map(str::to_string).collect()
                }
                Some(("note", v)) => match v.split_once('|') {
                    Some((at, text)) if !text.trim().is_empty() => {
                        let at = at.trim();
                        let target = match at.split_once('~') {
                            Some((a, b)) => Target::Tie(a.trim().into(), b.trim().into()),
                            None => Target::Node(at.into()),
                        };
                        step.notes.push(Note {
                            target,
                            text: text.trim().to_string(),
                            line: n,
                        });
                    }
                    _ => err(
                        n,
                        "note",
                        "write a note as `ID | text` or `A~B | text`".into(),
                    ),
                },
                _ => err(
                    n,
                    "",
                    "expected view:, highlight: or note:, or a blank line before the text".into(),
                ),
            }
            continue;
        }
        if line.trim().is_empty() {
            flush(Some(step), &mut paragraph, paragraph_line, &mut err);
            continue;
        }
        if paragraph.is_empty() {
            paragraph_line = n;
        } else {
            paragraph.push(' ');
        }
        paragraph.push_str(line.trim());
    }
    flush(
        story.steps.last_mut(),
        &mut paragraph,
        paragraph_line,
        &mut err,
    );
    let end = header_line.max(1);
    if story.title.is_empty() {
        err(end, "title", "the story needs a title:".into());
    }
    if story.summary.is_empty() {
        err(end, "summary", "the story needs a summary:".into());
    }
    if !has_order {
        err(
            end,
            "order",
            "the story needs an order: (a whole number)".into(),
        );
    }
    if !STEPS.contains(&story.steps.len()) {
        err(
            0,
            "",
            format!(
                "a story has {} to {} steps; this one has {}",
                STEPS.start(),
                STEPS.end(),
                story.steps.len()
            ),
        );
    }
    for step in &story.steps {
        if step.view.is_empty() {
            err(step.line, "view", "every step needs a view:".into());
        }
        if step.text.is_empty() {
            err(step.line, "text", "the step has no text".into());
        }
        let len = step.plain_text().chars().count();
        if len > MAX_TEXT {
            err(
                step.line,
                "text",
                format!("{len} characters; a step's text has at most {MAX_TEXT}"),
            );
        }
        if step.notes.len() > MAX_NOTES {
            err(
                step.line,
                "note",
                format!("{} notes; a step has at most {MAX_NOTES}", step.notes.len()),
            );
        }
        for note in &step.notes {
            let len = note.text.chars().count();
            if len > MAX_NOTE {
                err(
                    note.line,
                    "note",
                    format!("{len} characters; a note has at most {MAX_NOTE}"),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

/// Splits a paragraph into text and `[@source-id]` citations.
fn inlines(text: &str) -> Result<Vec<Inline>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("[@") {
        if i > 0 {
            out.push(Inline::Text(rest[..i].to_string()));
        }
        let after = &rest[i + 2..];
        let Some(end) = after.find(']') else {
            return Err("a citation [@… has no closing ]".into());
        };
        let id = after[..end].trim();
        if id.is_empty() || id.contains(char::is_whitespace) {
            return Err(format!("'[@{}]' is not a source id", &after[..end]));
        }
        out.push(Inline::Cite(id.to_string()));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
    Ok(out)
}

/// Checks a story against the dataset, filling in each step's view: the
/// view reads without a notice, its highlighted and noted nodes are in the
/// step's graph (a tie note's two nodes joined by a drawn tie), and every
/// citation names a source.
pub fn check(story: &mut Story, file: &str, ds: &Dataset) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut err = |line: usize, field: &str, message: String| {
        errors.push(problem(file, line, field, message))
    };
    for step in &mut story.steps {
        let (state, notices) = url::from_query(&step.view, ds);
        for n in &notices {
            err(step.line, "view", n.to_string());
        }
        for key in ["story", "step", "view", "embed", "v"] {
            let has = step
                .view
                .split('&')
                .any(|p| p.split('=').next() == Some(key));
            if has {
                err(
                    step.line,
                    "view",
                    format!("a step's view may not set `{key}`"),
                );
            }
        }
        step.state = state;
        let g = graph::build(ds, &step.state.filters);
        let shown = |id: &str| g.index_of(id).is_some();
        for id in &step.highlight {
            if !shown(id) {
                err(
                    step.line,
                    "highlight",
                    format!("'{id}' is not shown in this step's view"),
                );
            }
        }
        for note in &step.notes {
            match &note.target {
                Target::Node(id) if !shown(id) => err(
                    note.line,
                    "note",
                    format!("'{id}' is not shown in this step's view"),
                ),
                Target::Tie(a, b) if tie(&g, a, b).is_none() => err(
                    note.line,
                    "note",
                    format!("no tie between '{a}' and '{b}' is drawn in this step's view"),
                ),
                _ => {}
            }
        }
        for cite in step.text.iter().flatten() {
            if let Inline::Cite(id) = cite
                && !ds.sources.contains(id)
            {
                err(
                    step.line,
                    "text",
                    format!("cites '{id}', which is not in sources.csv"),
                );
            }
        }
    }
    errors
}

/// The index of the edge drawn between nodes `a` and `b`, either way round.
pub fn tie(g: &Graph, a: &str, b: &str) -> Option<usize> {
    let (a, b) = (g.index_of(a)?, g.index_of(b)?);
    g.edges
        .iter()
        .position(|e| (e.source, e.target) == (a, b) || (e.source, e.target) == (b, a))
}

/// Reads and checks story files, keeping the valid ones in list order.
pub fn load(files: &[(&str, &str)], ds: &Dataset) -> Stories {
    let mut out = Stories::default();
    for (file, text) in files {
        match parse(file, text) {
            Ok(mut story) => {
                let errors = check(&mut story, file, ds);
                if errors.is_empty() {
                    out.list.push(story);
                } else {
                    out.errors.extend(errors);
                }
            }
            Err(errors) => out.errors.extend(errors),
        }
    }
    crate::sort::sort_by(&mut out.list, |a, b| {
        (a.order, &a.id).cmp(&(b.order, &b.id))
    });
    out
}

/// The shipped stories, checked against `ds`.
pub fn load_embedded(ds: &Dataset) -> Stories {
    load(EMBEDDED, ds)
}

/// Reads a link, resolving a story step into the view it shows: the step's
/// view, with the link's camera and `embed`. An unknown story or step opens
/// the explorer with a notice naming it; anything else the link sets beside
/// a step is ignored with a notice (the step decides the view). `stories`
/// is asked for only when the link names one (checking them takes a few
/// milliseconds the first frame need not wait for).
pub fn open(
    query: &str,
    ds: &Dataset,
    stories: &dyn Fn() -> std::sync::Arc<Stories>,
) -> (ViewState, Vec<Notice>) {
    let (state, mut notices) = url::from_query(query, ds);
    let Some(at) = state.story.clone() else {
        return (state, notices);
    };
    let stories = stories();
    let Some(story) = stories.get(&at.id) else {
        notices.push(Notice::new(
            "story",
            &at.id,
            "there is no story of that name; the explorer is shown",
        ));
        return (explorer(state), notices);
    };
    let Some(step) = stories.step(&at) else {
        notices.push(Notice::new(
            "step",
            &at.step.to_string(),
            format!(
                "the story \"{}\" has {} steps; the explorer is shown",
                story.title,
                story.steps.len()
            ),
        ));
        return (explorer(state), notices);
    };
    let extra = ViewState {
        story: None,
        view: None,
        embed: false,
        ..state.clone()
    };
    if extra != ViewState::default() {
        notices.push(Notice::new(
            "story",
            &at.id,
            "a story step shows its own view; the other settings in the link are not used",
        ));
    }
    let view = ViewState {
        story: Some(at),
        view: state.view,
        embed: state.embed,
        ..step.state.clone()
    };
    (view, notices)
}

/// The view a link asked for, without its unknown story.
fn explorer(state: ViewState) -> ViewState {
    ViewState {
        story: None,
        ..state
    }
}

/// The view that shows step `n` (from 1) of `story`, keeping `embed`.
pub fn step_view(story: &Story, n: usize, embed: bool) -> Option<ViewState> {
    let step = story.steps.get(n.checked_sub(1)?)?;
    Some(ViewState {
        story: Some(StoryAt {
            id: story.id.clone(),
            step: n,
        }),
        embed,
        ..step.state.clone()
    })
}

#[cfg(test)]
mod tests;
