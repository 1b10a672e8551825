//! The benchmark graph format of the shared harness (`?graph=` pages), turned
//! into a [`Graph`] the app lays out and draws like its own data.

use crate::graph::facts::Alignment;
use crate::graph::{Edge, EdgeKind, Graph, MemberLink, Node, NodeKind};
use crate::model::{ActorKind, FrameworkId, PartnershipKind};

/// Why a text is not a bench graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// The text is not JSON.
    Json(json::JsonError),
    /// The `nodes` or `edges` array is missing.
    NoList(&'static str),
    /// Two nodes have this id.
    RepeatedNode(String),
    /// An edge's `source` or `target` names no node.
    UnknownNode(&'static str, String),
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphError::Json(e) => write!(f, "not a bench graph: {e}"),
            GraphError::NoList(key) => write!(f, "not a bench graph: no \"{key}\" array"),
            GraphError::RepeatedNode(id) => write!(f, "node id '{id}' appears twice"),
            GraphError::UnknownNode(key, id) => write!(f, "edge {key} is an unknown node '{id}'"),
        }
    }
}

/// Parses a bench graph file (JSON text) into a [`Graph`]: `{"nodes": [{"id",
/// "label", "group"}…], "edges": [{"source", "target", "kind"}…]}`, other keys
/// ignored. Fails, saying why, on malformed JSON, a missing list, a repeated
/// node id or an edge naming an unknown node.
///
/// Why not serde: serde_json added 13 KB of wasm (9 KB brotli) to a bundle that
/// is over its byte budget, for this one fixed format; and `JSON.parse`
/// followed by serde-wasm-bindgen's field-by-field copy across the JS boundary
/// took 21 ms of the first frame at 1 000 nodes. [`json`] is a complete
/// RFC 8259 reader, checked against serde_json by property tests. The graph
/// is read as the text streams by, with no tree of values in between (the
/// tree cost the bench page's first frame allocations for every object and a
/// key search for every field), and its strings are borrowed from the text.
/// It reads what [`json::parse`] followed by a look-up of each list and
/// field would: a key given twice counts once, the last; a field that is not
/// a string, or an entry that is not an object, reads as empty.
#[inline(never)]
pub fn parse(text: &str) -> Result<Graph, GraphError> {
    // Each list as read, its entries' fields in the order named; None where
    // the key is missing or not an array (edges are resolved once every node
    // is known, as a file may list them first).
    let (mut nodes, mut edges): (Option<Vec<Fields<'_>>>, Option<Vec<Fields<'_>>>) = (None, None);
    json::read(text, |r| {
        r.object_or_skip(0, |r, key, depth| {
            let (slot, names) = match &*key {
                "nodes" => (&mut nodes, ["id", "label", "group"]),
                "edges" => (&mut edges, ["source", "target", "kind"]),
                _ => return r.skip(depth),
            };
            let mut list = Vec::new();
            let read = r.array_or_skip(depth, |r, depth| {
                list.push(entry(r, depth, &names)?);
                Ok(())
            })?;
            *slot = read.then_some(list);
            Ok(())
        })
        .map(drop)
    })
    .map_err(GraphError::Json)?;
    from_fields(
        &nodes.ok_or(GraphError::NoList("nodes"))?,
        &edges.ok_or(GraphError::NoList("edges"))?,
    )
}

/// An entry's three fields, as read.
type Fields<'t> = [std::borrow::Cow<'t, str>; 3];

/// One entry of a list: the string fields `names`, in that order. Not
/// inlined, nor are the steps below that run once per node or edge: a
/// large loop body makes V8 compile the whole function holding it with its
/// optimising tier while the first frame is drawn (src/render/mod.rs,
/// `push_to`).
#[inline(never)]
fn entry<'t>(
    r: &mut json::Reader<'t>,
    depth: usize,
    names: &[&str; 3],
) -> Result<Fields<'t>, json::JsonError> {
    let mut fields: Fields<'t> = Default::default();
    r.object_or_skip(depth, |r, key, depth| {
        match names.iter().position(|n| *n == key) {
            Some(k) => fields[k] = r.string_or_skip(depth)?.unwrap_or_default(),
            None => r.skip(depth)?,
        }
        Ok(())
    })?;
    Ok(fields)
}

/// The graph of a bench file's lists, as read: each node's id, label and
/// group, each edge's source, target and kind.
#[inline(never)]
fn from_fields(nodes: &[Fields<'_>], edges: &[Fields<'_>]) -> Result<Graph, GraphError> {
    let mut index = std::collections::HashMap::with_capacity(nodes.len());
    let mut g = Graph::default();
    g.nodes.reserve(nodes.len());
    g.edges.reserve(edges.len());
    for [id, label, group] in nodes {
        add_node(&mut g, &mut index, id, label, group)?;
    }
    for [source, target, kind] in edges {
        add_edge(&mut g, &index, source, target, kind)?;
    }
    Ok(g)
}

/// A node of the file, added to `g` and `index` (its id to its place).
#[inline(never)]
fn add_node<'t>(
    g: &mut Graph,
    index: &mut std::collections::HashMap<&'t str, usize>,
    id: &'t str,
    label: &str,
    group: &str,
) -> Result<(), GraphError> {
    let (kind, alignment) = match (group, id) {
        ("hub", "hub:ilrs") => (NodeKind::Hub(FrameworkId::Ilrs), Alignment::Ilrs),
        ("hub", _) => (NodeKind::Hub(FrameworkId::Artemis), Alignment::Artemis),
        ("artemis", _) => (NodeKind::Actor(ActorKind::Country), Alignment::Artemis),
        ("ilrs", _) => (NodeKind::Actor(ActorKind::Country), Alignment::Ilrs),
        ("both", _) => (NodeKind::Actor(ActorKind::Country), Alignment::Both),
        _ => (NodeKind::Actor(ActorKind::Country), Alignment::Neither),
    };
    if index.insert(id, g.nodes.len()).is_some() {
        return Err(GraphError::RepeatedNode(id.to_string()));
    }
    g.nodes.push(Node {
        id: id.to_string(),
        label: if label.is_empty() { id } else { label }.to_string(),
        kind,
        alignment,
        country: None,
        degree: 0,
        leader: false,
    });
    Ok(())
}

/// An edge of the file between two nodes `index` knows, added to `g`.
#[inline(never)]
fn add_edge(
    g: &mut Graph,
    index: &std::collections::HashMap<&str, usize>,
    source: &str,
    target: &str,
    kind: &str,
) -> Result<(), GraphError> {
    let end = |key: &'static str, id: &str| {
        index
            .get(id)
            .copied()
            .ok_or_else(|| GraphError::UnknownNode(key, id.to_string()))
    };
    let (s, t) = (end("source", source)?, end("target", target)?);
    let kind = match kind {
        "artemis" => EdgeKind::Member(FrameworkId::Artemis, MemberLink::State),
        "ilrs" => EdgeKind::Member(FrameworkId::Ilrs, MemberLink::State),
        _ => EdgeKind::Partnership(PartnershipKind::Agreement),
    };
    g.nodes[s].degree += 1;
    g.nodes[t].degree += 1;
    g.edges.push(Edge {
        source: s,
        target: t,
        kind,
        items: Vec::new(),
        unverified: false,
    });
    Ok(())
}

/// What the harness's format cannot say, and what [`to_json`] writes instead:
/// the harness knows the groups `hub|artemis|ilrs|both` and the kinds
/// `artemis|ilrs|bilateral`, and its d3 peer draws nothing else (a node of
/// another group, an edge of another kind, stays in the simulation but is
/// never drawn). Each pair is (the app's, the harness's).
pub const EXPORT_MAPPING: &[(&str, &str)] = &[
    ("node in neither camp (alignment neither)", "group both"),
    ("any hub, APSCO's included", "group hub"),
    (
        "organisation, agency, institution, company",
        "the group of its alignment",
    ),
    ("APSCO membership", "kind bilateral"),
    (
        "sub-national or tentative membership",
        "its framework's kind",
    ),
    ("bilateral partnership (any kind)", "kind bilateral"),
];

/// Writes a graph in the shared harness's format (the inverse of [`parse`]
/// up to [`EXPORT_MAPPING`]), so a harness peer can draw the app's own
/// picture: `{"meta": {…}, "nodes": [{"id", "label", "group", "app"}…],
/// "edges": [{"source", "target", "kind", "app"}…]}`. The `app` fields keep
/// what the app calls each node and edge; the peers ignore them. `meta`
/// carries `meta` as given (string values).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(g: &Graph, meta: &[(&str, &str)]) -> String {
    use std::fmt::Write;
    // The export's one JSON string writer.
    let string = crate::export::escape_json;
    let mut out = String::from("{\"meta\": {");
    for (i, (k, v)) in meta.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(&mut out, k);
        out.push_str(": ");
        string(&mut out, v);
    }
    out.push_str("},\n\"nodes\": [");
    for (i, n) in g.nodes.iter().enumerate() {
        let (group, app) = match n.kind {
            NodeKind::Hub(f) => ("hub", format!("hub {}", f.id())),
            NodeKind::Actor(kind) => {
                let (group, al) = match n.alignment {
                    Alignment::Artemis => ("artemis", "artemis"),
                    Alignment::Ilrs => ("ilrs", "ilrs"),
                    Alignment::Both => ("both", "both"),
                    Alignment::Neither => ("both", "neither"),
                };
                (group, format!("{} {al}", kind.id()))
            }
        };
        out.push_str(if i > 0 { ",\n " } else { "\n " });
        out.push_str("{\"id\": ");
        string(&mut out, &n.id);
        out.push_str(", \"label\": ");
        string(&mut out, &n.label);
        let _ = write!(out, ", \"group\": \"{group}\", \"app\": ");
        string(&mut out, &app);
        out.push('}');
    }
    out.push_str("],\n\"edges\": [");
    for (i, e) in g.edges.iter().enumerate() {
        let (kind, app) = match e.kind {
            EdgeKind::Member(f, link) => {
                let kind = match f {
                    FrameworkId::Artemis => "artemis",
                    FrameworkId::Ilrs => "ilrs",
                    FrameworkId::Apsco => "bilateral",
                };
                let link = match link {
                    MemberLink::State => "state",
                    MemberLink::SubNational => "sub-national",
                    MemberLink::Tentative => "tentative",
                };
                (kind, format!("member {} {link}", f.id()))
            }
            EdgeKind::Partnership(p) => ("bilateral", format!("partnership {}", p.id())),
        };
        out.push_str(if i > 0 { ",\n " } else { "\n " });
        out.push_str("{\"source\": ");
        string(&mut out, &g.nodes[e.source].id);
        out.push_str(", \"target\": ");
        string(&mut out, &g.nodes[e.target].id);
        let _ = write!(out, ", \"kind\": \"{kind}\", \"app\": ");
        string(&mut out, &app);
        out.push('}');
    }
    out.push_str("]}\n");
    out
}

/// A small JSON reader (RFC 8259): values, string escapes including UTF-16
/// surrogate pairs, nesting depth capped so hostile input cannot overflow the
/// stack.
pub mod json {
    use std::borrow::Cow;

    /// A JSON value, borrowing its strings from the text where it can (no
    /// escapes): most strings then cost no allocation. Objects keep their
    /// keys in file order.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Value<'t> {
        /// `null`
        Null,
        /// `true` / `false`
        Bool(bool),
        /// A number.
        Number(f64),
        /// A string.
        String(Cow<'t, str>),
        /// An array.
        Array(Vec<Value<'t>>),
        /// An object.
        Object(Vec<(Cow<'t, str>, Value<'t>)>),
    }

    impl<'t> Value<'t> {
        /// The value of `key` in an object (the last one if repeated).
        pub fn get(&self, key: &str) -> Option<&Value<'t>> {
            match self {
                Value::Object(kv) => kv.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
                _ => None,
            }
        }
    }

    const MAX_DEPTH: usize = 128;

    /// Malformed JSON: what was expected, and the byte where it was not found.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct JsonError {
        /// What is wrong.
        pub problem: &'static str,
        /// Byte offset into the text.
        pub at: usize,
    }

    impl std::fmt::Display for JsonError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{} at byte {}", self.problem, self.at)
        }
    }

    /// Parses one JSON value with nothing but whitespace around it.
    pub fn parse(text: &str) -> Result<Value<'_>, JsonError> {
        let mut v = Value::Null;
        read(text, |r| {
            v = r.value(0)?;
            Ok(())
        })?;
        Ok(v)
    }

    /// Reads `text` as one JSON value with nothing but whitespace around it,
    /// `value` reading the value itself as it streams by (the way to read a
    /// known format without a tree of values).
    pub fn read<'t>(
        text: &'t str,
        value: impl FnOnce(&mut Reader<'t>) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        let mut r = Reader {
            s: text,
            b: text.as_bytes(),
            i: 0,
        };
        value(&mut r)?;
        r.ws();
        if r.i < r.b.len() {
            return Err(r.err("unexpected text after the value"));
        }
        Ok(())
    }

    /// A position in a JSON text, read a value at a time: [`read`] hands one
    /// to a reader of a known format.
    pub struct Reader<'t> {
        /// The text, and its bytes.
        s: &'t str,
        b: &'t [u8],
        i: usize,
    }

    impl<'t> Reader<'t> {
        fn err(&self, problem: &'static str) -> JsonError {
            JsonError {
                problem,
                at: self.i,
            }
        }

        fn ws(&mut self) {
            while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
                self.i += 1;
            }
        }

        fn eat(&mut self, c: u8) -> bool {
            self.ws();
            let hit = self.b.get(self.i) == Some(&c);
            self.i += usize::from(hit);
            hit
        }

        fn word(&mut self, w: &str, v: Value<'t>) -> Result<Value<'t>, JsonError> {
            if self.b[self.i..].starts_with(w.as_bytes()) {
                self.i += w.len();
                Ok(v)
            } else {
                Err(self.err("unexpected character"))
            }
        }

        /// The next byte after whitespace, not consumed.
        fn peek(&mut self) -> Option<u8> {
            self.ws();
            self.b.get(self.i).copied()
        }

        /// Reads a value (at nesting `depth`) and drops it.
        pub fn skip(&mut self, depth: usize) -> Result<(), JsonError> {
            self.value(depth).map(drop)
        }

        /// A string value, or None after reading (and dropping) a value of
        /// another kind.
        pub fn string_or_skip(&mut self, depth: usize) -> Result<Option<Cow<'t, str>>, JsonError> {
            if self.peek() == Some(b'"') {
                self.string().map(Some)
            } else {
                self.skip(depth).map(|()| None)
            }
        }

        /// Opens a `[` or `{` (`bracket`) at nesting `depth`: true, or false
        /// after reading (and dropping) a value of another kind.
        fn open(&mut self, bracket: u8, depth: usize) -> Result<bool, JsonError> {
            if self.peek() != Some(bracket) {
                return self.skip(depth).map(|()| false);
            }
            if depth > MAX_DEPTH {
                return Err(self.err("nested too deeply"));
            }
            self.i += 1;
            Ok(true)
        }

        /// After an item: true at the list's `close`, false at a comma (more
        /// to come), an error (`problem`) at anything else.
        fn closed(&mut self, close: u8, problem: &'static str) -> Result<bool, JsonError> {
            if self.eat(close) {
                Ok(true)
            } else if self.eat(b',') {
                Ok(false)
            } else {
                Err(self.err(problem))
            }
        }

        /// An array (at nesting `depth`), `item` reading each of its values
        /// (given their depth); true, or false after reading (and dropping)
        /// a value of another kind.
        pub fn array_or_skip(
            &mut self,
            depth: usize,
            mut item: impl FnMut(&mut Self, usize) -> Result<(), JsonError>,
        ) -> Result<bool, JsonError> {
            if !self.open(b'[', depth)? {
                return Ok(false);
            }
            if !self.eat(b']') {
                loop {
                    item(self, depth + 1)?;
                    if self.closed(b']', "expected , or ]")? {
                        break;
                    }
                }
            }
            Ok(true)
        }

        /// An object (at nesting `depth`), `field` reading each key's value
        /// (given the key and the value's depth) in file order; true, or
        /// false after reading (and dropping) a value of another kind.
        pub fn object_or_skip(
            &mut self,
            depth: usize,
            mut field: impl FnMut(&mut Self, Cow<'t, str>, usize) -> Result<(), JsonError>,
        ) -> Result<bool, JsonError> {
            if !self.open(b'{', depth)? {
                return Ok(false);
            }
            if !self.eat(b'}') {
                loop {
                    if self.peek() != Some(b'"') {
                        return Err(self.err("expected a key"));
                    }
                    let k = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.err("expected :"));
                    }
                    field(self, k, depth + 1)?;
                    if self.closed(b'}', "expected , or }")? {
                        break;
                    }
                }
            }
            Ok(true)
        }

        fn value(&mut self, depth: usize) -> Result<Value<'t>, JsonError> {
            if depth > MAX_DEPTH {
                return Err(self.err("nested too deeply"));
            }
            self.ws();
            match self.b.get(self.i) {
                None => Err(self.err("unexpected end")),
                Some(b'n') => self.word("null", Value::Null),
                Some(b't') => self.word("true", Value::Bool(true)),
                Some(b'f') => self.word("false", Value::Bool(false)),
                Some(b'"') => self.string().map(Value::String),
                Some(b'[') => {
                    let mut items = Vec::new();
                    self.array_or_skip(depth, |r, depth| {
                        items.push(r.value(depth)?);
                        Ok(())
                    })?;
                    Ok(Value::Array(items))
                }
                Some(b'{') => {
                    let mut kv = Vec::new();
                    self.object_or_skip(depth, |r, k, depth| {
                        kv.push((k, r.value(depth)?));
                        Ok(())
                    })?;
                    Ok(Value::Object(kv))
                }
                Some(_) => self.number(),
            }
        }

        fn number(&mut self) -> Result<Value<'t>, JsonError> {
            let start = self.i;
            let digits = |r: &mut Self| {
                let s = r.i;
                while r.b.get(r.i).is_some_and(u8::is_ascii_digit) {
                    r.i += 1;
                }
                r.i - s
            };
            self.i += usize::from(self.b.get(self.i) == Some(&b'-'));
            let int_start = self.i;
            let n = digits(self);
            if n == 0 || (n > 1 && self.b[int_start] == b'0') {
                return Err(self.err("bad number"));
            }
            if self.b.get(self.i) == Some(&b'.') {
                self.i += 1;
                if digits(self) == 0 {
                    return Err(self.err("bad number"));
                }
            }
            if let Some(b'e' | b'E') = self.b.get(self.i) {
                self.i += 1;
                if let Some(b'+' | b'-') = self.b.get(self.i) {
                    self.i += 1;
                }
                if digits(self) == 0 {
                    return Err(self.err("bad number"));
                }
            }
            // Only ASCII was consumed, so this slice is valid UTF-8.
            std::str::from_utf8(&self.b[start..self.i])
                .ok()
                .and_then(|s| s.parse().ok())
                .map(Value::Number)
                .ok_or_else(|| self.err("bad number"))
        }

        fn hex4(&mut self) -> Result<u32, JsonError> {
            let h = self
                .b
                .get(self.i..self.i + 4)
                .ok_or_else(|| self.err("short \\u escape"))?;
            let h = std::str::from_utf8(h).map_err(|_| self.err("bad \\u escape"))?;
            let v = u32::from_str_radix(h, 16).map_err(|_| self.err("bad \\u escape"))?;
            self.i += 4;
            Ok(v)
        }

        fn string(&mut self) -> Result<Cow<'t, str>, JsonError> {
            self.i += 1; // the opening quote
            let mut out = Cow::Borrowed("");
            loop {
                // Take the run up to the next quote, backslash or control byte.
                let run = self.i;
                self.i += self.b[run..]
                    .iter()
                    .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                    .unwrap_or(self.b.len() - run);
                // The input is a &str and the run stops only at ASCII bytes,
                // so the run is whole UTF-8: a slice, not a second check.
                let text: &'t str = self.s;
                let piece = text.get(run..self.i).ok_or_else(|| self.err("bad UTF-8"))?;
                if out.is_empty() {
                    out = Cow::Borrowed(piece);
                } else {
                    out.to_mut().push_str(piece);
                }
                match self.b.get(self.i) {
                    Some(b'"') => {
                        self.i += 1;
                        return Ok(out);
                    }
                    Some(b'\\') => {
                        self.i += 1;
                        let e = *self
                            .b
                            .get(self.i)
                            .ok_or_else(|| self.err("unexpected end"))?;
                        self.i += 1;
                        let out = out.to_mut();
                        match e {
                            b'"' => out.push('"'),
                            b'\\' => out.push('\\'),
                            b'/' => out.push('/'),
                            b'b' => out.push('\u{8}'),
                            b'f' => out.push('\u{c}'),
                            b'n' => out.push('\n'),
                            b'r' => out.push('\r'),
                            b't' => out.push('\t'),
                            b'u' => {
                                let hi = self.hex4()?;
                                let c = if (0xD800..0xDC00).contains(&hi)
                                    && self.b[self.i..].starts_with(b"\\u")
                                {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        char::from_u32(
                                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                        )
                                    } else {
                                        None
                                    }
                                } else {
                                    char::from_u32(hi)
                                };
                                out.push(
                                    c.ok_or_else(|| self.err("lone surrogate in \\u escape"))?,
                                );
                            }
                            _ => return Err(self.err("bad escape")),
                        }
                    }
                    _ => return Err(self.err("unterminated string")),
                }
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Our value from serde_json's, for comparison.
    fn from_serde(v: &serde_json::Value) -> json::Value<'static> {
        use serde_json::Value as S;
        match v {
            S::Null => json::Value::Null,
            S::Bool(b) => json::Value::Bool(*b),
            S::Number(n) => json::Value::Number(n.as_f64().unwrap()),
            S::String(s) => json::Value::String(s.clone().into()),
            S::Array(a) => json::Value::Array(a.iter().map(from_serde).collect()),
            S::Object(o) => json::Value::Object(
                o.iter()
                    .map(|(k, v)| (k.clone().into(), from_serde(v)))
                    .collect(),
            ),
        }
    }

    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value as S;
        let leaf = prop_oneof![
            Just(S::Null),
            any::<bool>().prop_map(S::Bool),
            any::<i32>().prop_map(S::from),
            (-1e6f64..1e6).prop_map(S::from),
            any::<String>().prop_map(S::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(S::Array),
                proptest::collection::vec(("[a-z\"\\\\é😀]{0,6}", inner), 0..6)
                    .prop_map(|kv| S::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Whatever serde_json writes (compact or pretty, any string including
        /// escapes and non-BMP characters), we read back as the same value.
        #[test]
        fn reads_what_serde_json_writes(v in any_json(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
            prop_assert_eq!(json::parse(&text), Ok(from_serde(&v)));
        }

        /// On any sequence of JSON-ish tokens (valid or not) we never panic,
        /// and we accept exactly what serde_json accepts, with the same value.
        #[test]
        fn agrees_with_serde_json_on_token_soup(tokens in proptest::collection::vec(prop_oneof![
            Just("["), Just("]"), Just("{"), Just("}"), Just(":"), Just(","), Just(" "),
            Just("\"a\""), Just("\"\\u00e9\\n\""), Just("\"\\ud83d\\ude00\""), Just("\"\\x\""), Just("\"\\ud800\""),
            Just("0"), Just("01"), Just("-"), Just("-0"), Just("1.5"), Just("1."), Just(".5"), Just("2e3"),
            Just("2E-3"), Just("1e"), Just("true"), Just("nul"), Just("null"), Just("\""),
        ], 0..12)) {
            let text = tokens.concat();
            let ours = json::parse(&text);
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => prop_assert_eq!(ours, Ok(from_serde(&v))),
                Err(_) => prop_assert!(ours.is_err(), "accepted {:?}", text),
            }
        }
    }

    /// The graph as the tree reader gives it: each list and field looked
    /// up in [`json::parse`]'s value (the reader before the streaming one,
    /// kept as its reference).
    fn parse_via_tree(text: &str) -> Result<Graph, GraphError> {
        use json::Value;
        let root = json::parse(text).map_err(GraphError::Json)?;
        let list = |key: &'static str| match root.get(key) {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(GraphError::NoList(key)),
        };
        let (nodes, edges) = (list("nodes")?, list("edges")?);
        let fields =
            |items: &[Value<'_>], names: [&str; 3]| -> Vec<[std::borrow::Cow<'_, str>; 3]> {
                let field = |v: &Value<'_>, key: &str| match v.get(key) {
                    Some(Value::String(s)) => s.to_string().into(),
                    _ => "".into(),
                };
                items.iter().map(|v| names.map(|k| field(v, k))).collect()
            };
        from_fields(
            &fields(nodes, ["id", "label", "group"]),
            &fields(edges, ["source", "target", "kind"]),
        )
    }

    /// A bench graph's text with what a file may hold besides: keys in any
    /// order or twice, fields of other types, other keys, escapes.
    fn graphish_json() -> impl Strategy<Value = String> {
        let id = prop_oneof![
            Just("\"a\"".to_string()),
            Just("\"b\"".to_string()),
            Just("\"hub:ilrs\"".to_string()),
            Just("\"\\u0061\"".to_string()),
            Just("1".to_string()),
            Just("null".to_string()),
            Just("[\"a\"]".to_string()),
        ];
        let key = prop_oneof![
            Just("id"),
            Just("label"),
            Just("group"),
            Just("source"),
            Just("target"),
            Just("kind"),
            Just("x"),
        ];
        let value = prop_oneof![
            id.clone(),
            Just("\"hub\"".to_string()),
            Just("\"both\"".to_string()),
            Just("\"ilrs\"".to_string())
        ];
        let entry = prop_oneof![
            4 => proptest::collection::vec((key, value), 0..5).prop_map(|kv| {
                let kv: Vec<String> =
                    kv.into_iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
                format!("{{{}}}", kv.join(", "))
            }),
            1 => id,
        ];
        let list = prop_oneof![
            4 => proptest::collection::vec(entry, 0..6)
                .prop_map(|v| format!("[{}]", v.join(","))),
            1 => Just("{}".to_string()),
        ];
        let root_key = prop_oneof![Just("nodes"), Just("edges"), Just("meta")];
        proptest::collection::vec((root_key, list), 0..5).prop_map(|kv| {
            let kv: Vec<String> = kv
                .into_iter()
                .map(|(k, v)| format!("\"{k}\":\n {v}"))
                .collect();
            format!("{{{}}}", kv.join(", "))
        })
    }

    proptest! {
        /// The streaming graph reader reads what the tree reader does, on
        /// graph-like files and on token soup (errors included).
        #[test]
        fn the_streaming_reader_agrees_with_the_tree(text in graphish_json()) {
            prop_assert_eq!(parse(&text), parse_via_tree(&text), "{}", text);
        }

        #[test]
        fn the_streaming_reader_agrees_on_token_soup(tokens in proptest::collection::vec(prop_oneof![
            Just("["), Just("]"), Just("{"), Just("}"), Just(":"), Just(","), Just(" "),
            Just("\"nodes\""), Just("\"edges\""), Just("\"id\""), Just("\"source\""),
            Just("\"target\""), Just("\"a\""), Just("\"\\x\""), Just("1"), Just("01"),
            Just("null"), Just("\""),
        ], 0..16)) {
            let text = tokens.concat();
            prop_assert_eq!(parse(&text), parse_via_tree(&text), "{}", text);
        }
    }

    #[test]
    fn parses_the_bench_format_and_explains_bad_input() {
        let g = parse(
            r#"{"meta": {"n": 1}, "nodes": [{"id": "hub:ilrs", "label": "ILRS", "group": "hub"},
               {"id": "c:1", "group": "both"}], "edges": [{"source": "c:1", "target": "hub:ilrs", "kind": "ilrs"}]}"#,
        )
        .unwrap();
        assert_eq!(g.nodes.len(), 2);
        assert_eq!(
            g.edges[0].kind,
            EdgeKind::Member(FrameworkId::Ilrs, MemberLink::State)
        );
        assert_eq!(
            parse("{\"nodes\": []}").unwrap_err(),
            GraphError::NoList("edges")
        );
        let problem = |text: &str| match parse(text) {
            Err(GraphError::Json(e)) => e.problem,
            other => panic!("{other:?}"),
        };
        assert_eq!(problem("{\"nodes\": ["), "unexpected end");
        assert_eq!(problem("[1, 2] x"), "unexpected text after the value");
        assert_eq!(problem(&"[".repeat(10_000)), "nested too deeply");
        assert_eq!(
            json::parse(r#""\ud83d\ude00 \u00e9""#),
            Ok(json::Value::String("😀 é".into()))
        );
        assert!(json::parse(r#""\ud83d""#).is_err());
    }

    /// The default view (the graph the app draws first), exported for the
    /// harness's peers, reads back through our own reader with the same
    /// nodes, edges and ends, and only the harness's groups and kinds.
    #[test]
    fn the_default_view_exports_in_the_harness_format() {
        let ds = crate::dataset::load_embedded().unwrap();
        let (view, _) = crate::view::url::from_query("", &ds);
        assert_eq!(view.filters, crate::graph::Filters::default());
        let g = crate::graph::build(&ds, &view.filters);
        let text = to_json(&g, &[("source", "test \"quoted\"\n")]);
        let back = parse(&text).unwrap();
        assert_eq!(back.nodes.len(), g.nodes.len());
        assert_eq!(back.edges.len(), g.edges.len());
        for (a, b) in g.nodes.iter().zip(&back.nodes) {
            assert_eq!((&a.id, &a.label, a.degree), (&b.id, &b.label, b.degree));
        }
        let mut pairs = std::collections::HashSet::new();
        for (a, b) in g.edges.iter().zip(&back.edges) {
            assert_eq!((a.source, a.target), (b.source, b.target));
            assert!(pairs.insert((a.source.min(a.target), a.source.max(a.target))));
        }
        let root = json::parse(&text).unwrap();
        let list = |k: &str| match root.get(k) {
            Some(json::Value::Array(v)) => v.clone(),
            other => panic!("{other:?}"),
        };
        let field = |v: &json::Value<'_>, k: &str| match v.get(k) {
            Some(json::Value::String(s)) => s.to_string(),
            other => panic!("{other:?}"),
        };
        for n in list("nodes") {
            let group = field(&n, "group");
            assert!(
                ["hub", "artemis", "ilrs", "both"].contains(&group.as_str()),
                "{group}"
            );
        }
        for e in list("edges") {
            let kind = field(&e, "kind");
            assert!(
                ["artemis", "ilrs", "bilateral"].contains(&kind.as_str()),
                "{kind}"
            );
        }
        assert_eq!(
            field(root.get("meta").unwrap(), "source"),
            "test \"quoted\"\n"
        );
    }

    #[test]
    fn builds_the_graph_and_rejects_dangling_edges() {
        let text = r#"{"nodes": [{"id": "hub:artemis", "label": "Artemis Accords", "group": "hub"},
            {"id": "hub:ilrs", "label": "ILRS", "group": "hub"}, {"id": "c:1", "group": "both"}],
            "edges": [{"source": "c:1", "target": "hub:artemis", "kind": "artemis"},
            {"source": "c:1", "target": "hub:ilrs", "kind": "ilrs"}]}"#;
        let g = parse(text).unwrap();
        assert_eq!(g.nodes[2].alignment, Alignment::Both);
        assert_eq!(g.nodes[2].degree, 2);
        assert_eq!(g.nodes[2].label, "c:1");
        assert_eq!(g.nodes[1].kind, NodeKind::Hub(FrameworkId::Ilrs));
        assert_eq!(g.edges.len(), 2);
        let dangling = text.replace(
            r#""source": "c:1", "target": "hub:ilrs""#,
            r#""source": "c:9", "target": "hub:ilrs""#,
        );
        assert_eq!(
            parse(&dangling).unwrap_err(),
            GraphError::UnknownNode("source", "c:9".into())
        );
        let twice = text.replace(r#"{"id": "c:1""#, r#"{"id": "hub:ilrs""#);
        assert_eq!(
            parse(&twice).unwrap_err(),
            GraphError::RepeatedNode("hub:ilrs".into())
        );
    }
}
