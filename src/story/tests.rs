use super::*;
use crate::test_support::dataset;

/// A story file with `steps` steps, each `step` (the story's header first).
fn file(steps: &[&str]) -> String {
    let mut s = String::from("title: T\nsummary: S.\norder: 9\n");
    for step in steps {
        s.push('\n');
        s.push_str(step);
        s.push('\n');
    }
    s
}

const OK: &str = "== A step\nview: layout=axis\n\nSome text.";

fn problems(text: &str) -> Vec<(usize, String, String)> {
    match parse("t.story", text) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .into_iter()
            .map(|e| (e.line, e.field, e.message))
            .collect(),
    }
}

#[test]
fn a_story_reads_into_steps_paragraphs_notes_and_citations() {
    let text = "# comment\ntitle: Two camps\nsummary: One line.\norder: 2\n\n\
                == First\nview: ?date=2024-05&sel=THA\nhighlight: THA CHN\n\
                note: THA | Signed\nnote: CHN~THA | A tie\n\n\
                One [@src-a] two\nthree.\n\nSecond paragraph [@src-b].\n\
                == Second\nview: layout=map\n\nText.\n== Third\nview: layout=axis\n\nMore.";
    let s = parse("two-camps.story", text).unwrap();
    assert_eq!(
        (s.id.as_str(), s.title.as_str(), s.order),
        ("two-camps", "Two camps", 2)
    );
    assert_eq!(s.steps.len(), 3);
    let step = &s.steps[0];
    assert_eq!(step.view, "date=2024-05&sel=THA");
    assert_eq!(step.highlight, ["THA", "CHN"]);
    assert_eq!(
        step.notes[1].target,
        Target::Tie("CHN".into(), "THA".into())
    );
    assert_eq!(step.notes[0].line, 9);
    assert_eq!(
        step.text[0],
        [
            Inline::Text("One ".into()),
            Inline::Cite("src-a".into()),
            Inline::Text(" two three.".into())
        ]
    );
    assert_eq!(step.plain_text(), "One  two three.\n\nSecond paragraph .");
}

#[test]
fn every_problem_of_form_is_reported_with_its_line_and_field() {
    // Missing header fields, a bad order, too few steps.
    let p = problems("title: T\norder: x\n\n== A\nview: a=1\n\nText.");
    let fields: Vec<&str> = p.iter().map(|(_, f, _)| f.as_str()).collect();
    assert!(
        fields.contains(&"summary") && fields.contains(&"order"),
        "{p:?}"
    );
    assert!(
        p.iter().any(|(_, _, m)| m.contains("3 to 8 steps")),
        "{p:?}"
    );
    assert!(p.iter().any(|(l, f, _)| *l == 2 && f == "order"), "{p:?}");
    // Unknown keys, a step without view or text, a bad note, a bad citation.
    let p = problems(&file(&[
        "== A\ncolour: red\nview: layout=axis\n\nText.",
        "== B\n\nText.",
        "== C\nview: layout=axis\nnote: THA without a bar\n",
        "== D\nview: layout=axis\n\nBroken [@ cite.",
    ]));
    let has = |line: usize, field: &str| p.iter().any(|(l, f, _)| *l == line && f == field);
    assert!(has(6, ""), "unknown key: {p:?}");
    assert!(has(11, "view"), "no view: {p:?}");
    assert!(
        has(17, "note") && has(15, "text"),
        "bad note, no text: {p:?}"
    );
    assert!(has(23, "text"), "bad citation: {p:?}");
    // Lengths.
    let long = "x".repeat(MAX_TEXT + 1);
    let note = format!("note: THA | {}", "y".repeat(MAX_NOTE + 1));
    let p = problems(&file(&[
        &format!("== A\nview: layout=axis\n\n{long}"),
        &format!("== B\nview: layout=axis\n{note}\n\nText."),
        OK,
    ]));
    assert!(
        p.iter()
            .any(|(_, f, m)| f == "text" && m.contains("at most 700")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(_, f, m)| f == "note" && m.contains("at most 60")),
        "{p:?}"
    );
    assert_eq!(problems("title: T\nsummary: S\norder: 1\n== \nview: a\n\nx\n== B\nview: a\n\nx\n== C\nview: a\n\nx")[0].1, "title");
    assert!(parse("Bad Name.story", &file(&[OK, OK, OK])).is_err());
}

#[test]
fn checks_against_the_data_name_the_problem() {
    let ds = dataset();
    let mut s = parse(
        "t.story",
        &file(&[
            "== A\nview: layout=axis&sel=NOPE\nhighlight: ZZZ\n\nText [@no-such-source].",
            "== B\nview: date=2020-10-13&embed=1\nnote: DJI | Not yet a member\nnote: USA~ZZZ | No tie\n\nText.",
            OK,
        ]),
    )
    .unwrap();
    let errors = check(&mut s, "t.story", ds);
    let has = |line: usize, field: &str, word: &str| {
        errors
            .iter()
            .any(|e| e.line == line && e.field == field && e.message.contains(word))
    };
    assert!(has(5, "view", "sel"), "{errors:?}");
    assert!(has(5, "highlight", "ZZZ"), "{errors:?}");
    assert!(has(5, "text", "no-such-source"), "{errors:?}");
    assert!(has(11, "view", "embed"), "{errors:?}");
    assert!(has(13, "note", "DJI"), "{errors:?}");
    assert!(has(14, "note", "USA"), "{errors:?}");
    // A broken story is left out; the problems are kept for the reader.
    let loaded = load(
        &[("t.story", &file(&["== A\nview: sel=NOPE\n\nx", OK, OK]))],
        ds,
    );
    assert!(loaded.list.is_empty());
    assert!(loaded.errors.iter().all(|e| e.file == "t.story"));
}

#[test]
fn the_shipped_stories_are_valid_and_cite_real_sources() {
    let ds = dataset();
    let stories = load_embedded(ds);
    assert!(stories.errors.is_empty(), "{:#?}", stories.errors);
    assert_eq!(stories.list.len(), EMBEDDED.len());
    assert!(stories.list.len() >= 5);
    for s in &stories.list {
        for step in &s.steps {
            let (_, notices) = url::from_query(&step.view, ds);
            assert!(notices.is_empty(), "{} / {}: {notices:?}", s.id, step.title);
        }
    }
    // The list follows `order`.
    let orders: Vec<u32> = stories.list.iter().map(|s| s.order).collect();
    assert!(orders.windows(2).all(|w| w[0] <= w[1]), "{orders:?}");
}

#[test]
fn a_step_link_opens_that_step_and_a_bad_one_says_what_it_named() {
    let ds = dataset();
    let stories = std::sync::Arc::new(load_embedded(ds));
    let s = &stories.list[0];
    let (view, notices) = open(&format!("?v=1&story={}&step=2", s.id), ds, &|| {
        stories.clone()
    });
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(view, step_view(s, 2, false).unwrap());
    // The link writes just the step, and reads back to the same view.
    let q = url::to_query(&view);
    assert_eq!(q, format!("v=1&story={}&step=2", s.id));
    assert_eq!(open(&q, ds, &|| stories.clone()).0, view);
    // The camera and embed ride along.
    let (v, n) = open(&format!("story={}&view=1~2~3&embed=1", s.id), ds, &|| {
        stories.clone()
    });
    assert!(n.is_empty());
    assert_eq!(
        (v.story.unwrap().step, v.view, v.embed),
        (1, Some([1.0, 2.0, 3.0]), true)
    );
    // Unknown story, unknown step, a step without a story, extra keys.
    let (v, n) = open("story=no-such&layout=map", ds, &|| stories.clone());
    assert_eq!(
        (v.story, v.layout),
        (None, crate::layout::LayoutKind::Geographic)
    );
    assert!(n[0].value == "no-such" && n[0].key == "story", "{n:?}");
    let (v, n) = open(&format!("story={}&step=99", s.id), ds, &|| stories.clone());
    assert!(v.story.is_none() && n[0].key == "step" && n[0].message.contains(&s.title));
    let (v, n) = open("step=2", ds, &|| stories.clone());
    assert!(v.story.is_none() && n[0].key == "step", "{n:?}");
    let (v, n) = open(&format!("story={}&sel=USA", s.id), ds, &|| stories.clone());
    assert_eq!(v, step_view(s, 1, false).unwrap());
    assert_eq!(n.len(), 1, "{n:?}");
}
