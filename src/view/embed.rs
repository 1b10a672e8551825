//! The embed's `postMessage` protocol, between the app in an iframe and the
//! page that embeds it (with `embed.js`, or its own script). Messages are
//! plain objects whose `type` names them and whose `protocol` is
//! [`PROTOCOL`]; the app converts them with serde-wasm-bindgen. README.md
//! documents them for host pages.
//!
//! The app accepts messages only from its parent window; a message of any
//! other shape is ignored with a console warning, never evaluated or
//! inserted into the page, and a view it asks for is read by the same
//! forgiving parser as a link ([`crate::story::open`]).

use serde::{Deserialize, Serialize};

/// The protocol version these types speak.
pub const PROTOCOL: u32 = 1;

/// From the host page to the app.
///
/// Read through [`RawHostMessage`], a flat struct: serde's internally
/// tagged enums buffer the whole message first, which cost 4.9 KB brotli
/// of wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", try_from = "RawHostMessage")]
pub enum HostMessage {
    /// Show a view, given as a link's query string (`?date=2021-03&sel=CHN`).
    #[serde(rename = "space-alliances:set-view")]
    SetView {
        /// Protocol version.
        protocol: u32,
        /// The view, as in a link.
        query: String,
    },
    /// Show a step of a story.
    #[serde(rename = "space-alliances:go-to-step")]
    GoToStep {
        /// Protocol version.
        protocol: u32,
        /// The story's id.
        story: String,
        /// The step, from 1.
        step: usize,
    },
    /// The host page sizes the frame to the content's height (embed.js
    /// does), so the page need not fit a short frame.
    #[serde(rename = "space-alliances:sizing")]
    Sizing {
        /// Protocol version.
        protocol: u32,
    },
}

/// Any host message's fields, as they arrive.
#[derive(Debug, Deserialize)]
pub struct RawHostMessage {
    /// The message's name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Protocol version.
    pub protocol: u32,
    /// `set-view`'s query string.
    #[serde(default)]
    pub query: Option<String>,
    /// `go-to-step`'s story.
    #[serde(default)]
    pub story: Option<String>,
    /// `go-to-step`'s step.
    #[serde(default)]
    pub step: Option<usize>,
}

impl TryFrom<RawHostMessage> for HostMessage {
    type Error = String;

    fn try_from(m: RawHostMessage) -> Result<Self, String> {
        let protocol = m.protocol;
        match (m.kind.as_str(), m.query, m.story, m.step) {
            ("space-alliances:set-view", Some(query), _, _) => {
                Ok(HostMessage::SetView { protocol, query })
            }
            ("space-alliances:go-to-step", _, Some(story), Some(step)) => {
                Ok(HostMessage::GoToStep {
                    protocol,
                    story,
                    step,
                })
            }
            ("space-alliances:sizing", ..) => Ok(HostMessage::Sizing { protocol }),
            ("space-alliances:set-view", ..) => Err("set-view needs a query".into()),
            ("space-alliances:go-to-step", ..) => Err("go-to-step needs a story and a step".into()),
            (other, ..) => Err(format!("unknown message type '{other}'")),
        }
    }
}

/// From the app to the host page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum AppMessage {
    /// The app is listening; `query` is the view it shows.
    #[serde(rename = "space-alliances:ready")]
    Ready {
        /// Protocol version.
        protocol: u32,
        /// The view shown, as a link's query string.
        query: String,
    },
    /// The view changed (the reader, or a host message).
    #[serde(rename = "space-alliances:view-changed")]
    ViewChanged {
        /// Protocol version.
        protocol: u32,
        /// The view shown, as a link's query string.
        query: String,
        /// The selected node's id, if any.
        selected: Option<String>,
    },
    /// The content's height in CSS pixels, for the iframe to follow.
    #[serde(rename = "space-alliances:height")]
    Height {
        /// Protocol version.
        protocol: u32,
        /// Height in CSS pixels.
        height: f64,
    },
}

/// Why a message from the host was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// It came from another window than the parent.
    NotFromParent,
    /// It is not one of the [`HostMessage`]s (the reader's words say why).
    Shape(String),
    /// It speaks a newer protocol.
    Protocol(u32),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::NotFromParent => f.write_str("a message from a window other than the parent"),
            Rejected::Shape(why) => write!(f, "not a Space Alliances message ({why})"),
            Rejected::Protocol(p) => write!(
                f,
                "protocol {p} is newer than this app's ({PROTOCOL}); update the embed"
            ),
        }
    }
}

impl HostMessage {
    /// The query string of the view asked for (a step as `story=…&step=…`);
    /// `None` for a message that asks for no view.
    pub fn query(&self) -> Option<String> {
        match self {
            HostMessage::SetView { query, .. } => Some(query.clone()),
            HostMessage::GoToStep { story, step, .. } => Some(format!(
                "story={}&step={step}",
                crate::view::url::encode(story)
            )),
            HostMessage::Sizing { .. } => None,
        }
    }

    /// Checks the protocol version.
    pub fn checked(self) -> Result<HostMessage, Rejected> {
        let p = match &self {
            HostMessage::SetView { protocol, .. }
            | HostMessage::GoToStep { protocol, .. }
            | HostMessage::Sizing { protocol } => *protocol,
        };
        if p > PROTOCOL {
            Err(Rejected::Protocol(p))
        } else {
            Ok(self)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<HostMessage, String> {
        serde_json::from_str::<HostMessage>(json).map_err(|e| e.to_string())
    }

    #[test]
    fn host_messages_read_from_their_json_and_round_trip() {
        let m = read(r#"{"type": "space-alliances:set-view", "protocol": 1, "query": "?sel=CHN"}"#)
            .unwrap();
        assert_eq!(m.query().as_deref(), Some("?sel=CHN"));
        let s = read(
            r#"{"type":"space-alliances:go-to-step","protocol":1,"story":"hedgers","step":3}"#,
        )
        .unwrap();
        assert_eq!(s.query().as_deref(), Some("story=hedgers&step=3"));
        let sizing = read(r#"{"type": "space-alliances:sizing", "protocol": 1}"#).unwrap();
        assert_eq!(sizing, HostMessage::Sizing { protocol: 1 });
        assert_eq!(sizing.query(), None);
        assert!(matches!(
            read(r#"{"type": "space-alliances:sizing", "protocol": 9}"#)
                .unwrap()
                .checked(),
            Err(Rejected::Protocol(9))
        ));
        for m in [m, s] {
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(read(&json).unwrap(), m);
        }
        let a = AppMessage::ViewChanged {
            protocol: PROTOCOL,
            query: "v=1&sel=THA".into(),
            selected: Some("THA".into()),
        };
        let json = serde_json::to_string(&a).unwrap();
        assert!(
            json.contains(r#""type":"space-alliances:view-changed""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<AppMessage>(&json).unwrap(), a);
        let h = serde_json::to_value(AppMessage::Height {
            protocol: 1,
            height: 812.0,
        })
        .unwrap();
        assert_eq!(h["type"], "space-alliances:height");
        assert_eq!(h["height"], 812.0);
    }

    #[test]
    fn anything_else_is_rejected_with_a_reason() {
        for bad in [
            r#""just a string""#,
            r#"{"type": "space-alliances:set-view", "protocol": 1}"#,
            r#"{"type": "space-alliances:set-view", "protocol": 1, "query": 5}"#,
            r#"{"type": "space-alliances:go-to-step", "protocol": 1, "story": "x", "step": -1}"#,
            r#"{"type": "something-else", "protocol": 1, "query": "?"}"#,
            r#"{"query": "?sel=CHN"}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
        let newer = read(r#"{"type":"space-alliances:set-view","protocol":2,"query":""}"#).unwrap();
        assert_eq!(newer.checked(), Err(Rejected::Protocol(2)));
        // A story id is encoded, so it cannot add keys to the view it asks for.
        let sneaky = HostMessage::GoToStep {
            protocol: 1,
            story: "a&sel=USA".into(),
            step: 1,
        };
        assert_eq!(
            sneaky.query().as_deref(),
            Some("story=a%26sel%3DUSA&step=1")
        );
    }
}
