//! The data model: who (actors), what they join (frameworks), when
//! (memberships), with whom (partnerships), and on whose word (sources).

pub mod date;

use crate::model::date::Date;

/// Defines a closed vocabulary: an enum with its text ids and labels.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $id:literal / $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id used in data files and URLs.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// A human label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses the id used in data files and URLs.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The accepted ids, for error messages.
            pub fn ids() -> String {
                [$($id),+].join(", ")
            }
        }
    };
}

vocabulary! {
    /// What kind of actor a node stands for.
    ActorKind {
        /// A sovereign state or territory with an ISO 3166-1 code.
        Country = "country" / "Country",
        /// A national space agency.
        Agency = "agency" / "Space agency",
        /// An international organization.
        Organization = "organization" / "International organization",
        /// A university, research institute or laboratory.
        Institution = "institution" / "Institution",
        /// A company.
        Company = "company" / "Company",
    }
}

vocabulary! {
    /// The legal form of a membership act.
    Instrument {
        /// Signature of a declaration such as the Artemis Accords.
        Signature = "signature" / "Signature",
        /// Memorandum of understanding.
        Mou = "mou" / "MoU",
        /// Joint statement or declaration.
        JointStatement = "joint-statement" / "Joint statement",
        /// Binding agreement (intergovernmental or inter-agency).
        Agreement = "agreement" / "Agreement",
        /// Letter of intent.
        LetterOfIntent = "letter-of-intent" / "Letter of intent",
        /// A founding convention.
        Convention = "convention" / "Convention",
        /// Ratification of an agreement.
        Ratification = "ratification" / "Ratification",
        /// Entry into force of an agreement.
        EntryIntoForce = "entry-into-force" / "Entry into force",
        /// Anything else (see the note).
        Other = "other" / "Other",
    }
}

vocabulary! {
    /// Who signed: a state, or a body below or beside it.
    Level {
        /// The state itself (government or its space agency on its behalf).
        State = "state" / "State",
        /// A space agency in its own name.
        Agency = "agency" / "Agency",
        /// A university or research institution.
        Institution = "institution" / "Institution",
        /// A company.
        Company = "company" / "Company",
        /// An international organization.
        Organization = "organization" / "Organization",
    }
}

vocabulary! {
    /// Where a membership act leaves the actor.
    Status {
        /// A full member or signatory of the framework.
        Member = "member" / "Member",
        /// An observer.
        Observer = "observer" / "Observer",
        /// Signed a founding text but did not become a member.
        Signatory = "signatory" / "Signatory, not a member",
        /// Declared intent only.
        Intent = "intent" / "Declared intent",
        /// Reported but not confirmed.
        Uncertain = "uncertain" / "Reported, unconfirmed",
    }
}

vocabulary! {
    /// How far a fact can be trusted.
    Confidence {
        /// A primary source, or two independent reputable reports.
        Confirmed = "confirmed" / "Confirmed",
        /// One reputable secondary report.
        Reported = "reported" / "Reported",
        /// Only weak or machine-compiled sources.
        Unverified = "unverified" / "Unverified",
    }
}

vocabulary! {
    /// The fixed vocabulary of bilateral partnership kinds.
    PartnershipKind {
        /// Launch services.
        Launch = "launch" / "Launch",
        /// A satellite built, bought or operated together.
        Satellite = "satellite" / "Satellite",
        /// A ground or tracking station.
        GroundStation = "ground-station" / "Ground station",
        /// An astronaut seat or training.
        Astronaut = "astronaut" / "Astronaut",
        /// A payload on another's mission.
        Payload = "payload" / "Payload",
        /// A joint mission.
        JointMission = "joint-mission" / "Joint mission",
        /// A framework or cooperation agreement.
        Agreement = "agreement" / "Agreement",
        /// Data sharing.
        Data = "data" / "Data",
        /// Technology transfer.
        TechnologyTransfer = "technology-transfer" / "Technology transfer",
        /// A market or operating licence (e.g. for a satellite-internet
        /// constellation): a commercial permission, not a government agreement.
        Licence = "licence" / "Operating licence",
    }
}

vocabulary! {
    /// Primary (from a party) or secondary (reported by others).
    SourceType {
        /// Published by a party to the fact.
        Primary = "primary" / "Primary",
        /// Reported by a third party.
        Secondary = "secondary" / "Secondary",
    }
}

vocabulary! {
    /// The three frameworks others join.
    FrameworkId {
        /// The U.S.-led Artemis Accords.
        Artemis = "artemis" / "Artemis Accords",
        /// The China/Russia-led International Lunar Research Station.
        Ilrs = "ilrs" / "ILRS",
        /// The Asia-Pacific Space Cooperation Organization.
        Apsco = "apsco" / "APSCO",
    }
}

/// A country, from the generated ISO/M49 reference table.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, the country's id.
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// Common English name.
    pub name: String,
    /// UN M49 region.
    pub region: String,
    /// UN M49 subregion.
    pub subregion: String,
    /// Latitude of the geographic centre, degrees.
    pub lat: f64,
    /// Longitude of the geographic centre, degrees.
    pub lon: f64,
    /// Other names people search for.
    pub aliases: Vec<String>,
}

/// Any party: a country or another body, by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// ISO3 code for a country, a lowercase slug for anything else.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Home country (ISO3); the country itself for a country; `None` for
    /// international organizations.
    pub country: Option<String>,
    /// Other names and acronyms.
    pub aliases: Vec<String>,
    /// Editorial note.
    pub note: String,
}

/// A framework: the Artemis Accords, ILRS or APSCO.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    /// Which framework.
    pub id: FrameworkId,
    /// Full name.
    pub name: String,
    /// Short name for labels.
    pub short: String,
    /// Leading states (ISO3).
    pub led_by: Vec<String>,
    /// When it was founded.
    pub founded: Date,
    /// One-paragraph description.
    pub description: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A fact's longer text (who signed, a description, a note), read with the
/// dataset or, in the app's split build, a step later with the sources'
/// records (issue #18, "a lighter first load": the first frame shows none;
/// see `dataset::read_later`). Every copy of a fact shares the one cell, so
/// a copy made before the text came has it once it is here; it never
/// changes after that.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text(std::sync::Arc<std::sync::OnceLock<String>>);

impl Text {
    /// A text to come (see [`Text::provide`]).
    pub fn later() -> Self {
        Text::default()
    }

    /// The text, once here.
    pub fn get(&self) -> Option<&str> {
        self.0.get().map(String::as_str)
    }

    /// The text, or nothing until it is here: for what is made only once
    /// the texts are here (the downloads wait for them).
    pub fn as_str(&self) -> &str {
        self.get().unwrap_or_default()
    }

    /// The text if it is here and not empty: what a view shows.
    pub fn shown(&self) -> Option<&str> {
        self.get().filter(|s| !s.is_empty())
    }

    /// Hands over the text; one already here stays.
    pub fn provide(&self, text: String) {
        let _ = self.0.set(text);
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        let cell = std::sync::OnceLock::new();
        let _ = cell.set(text.to_string());
        Text(std::sync::Arc::new(cell))
    }
}

/// One membership act: an actor joins, or changes status in, a framework.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    /// Stable id.
    pub id: String,
    /// Actor id.
    pub actor: String,
    /// Framework joined.
    pub framework: FrameworkId,
    /// When, as precisely as known.
    pub date: Date,
    /// Legal form.
    pub instrument: Instrument,
    /// Who signed.
    pub level: Level,
    /// Resulting status.
    pub status: Status,
    /// Signing official, if known.
    pub official: Text,
    /// How sure we are.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: Vec<String>,
    /// A date other sources give instead, if they disagree.
    pub alt_date: Option<Date>,
    /// Sources for the alternative date.
    pub alt_sources: Vec<String>,
    /// Editorial note.
    pub note: Text,
}

/// A bilateral tie between two actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Partnership {
    /// Stable id.
    pub id: String,
    /// First party (usually the third country).
    pub a: String,
    /// Second party (usually the major power's side).
    pub b: String,
    /// Kind of tie.
    pub kind: PartnershipKind,
    /// When.
    pub date: Date,
    /// Short title.
    pub title: String,
    /// One or two sentences.
    pub description: Text,
    /// How sure we are.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: Vec<String>,
    /// Editorial note.
    pub note: Text,
}

/// An official count of a framework's members that a source reports at a
/// date ("NASA: 72 signatories"), kept so the app can say where the listed
/// rows fall short of it (e.g. a signatory not yet identified).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedCount {
    /// Stable id.
    pub id: String,
    /// The framework counted.
    pub framework: FrameworkId,
    /// When the count was reported.
    pub date: Date,
    /// The number reported.
    pub count: usize,
    /// Whether the count is of member states, comparable with the listed
    /// rows (`states`), or counts something else, such as states and
    /// organisations together (`other`).
    pub of_states: bool,
    /// Source ids.
    pub sources: Vec<String>,
    /// What the source said, for readers.
    pub note: String,
}

/// What a country's lean counts: a membership of a framework, one by its
/// agencies, institutions or companies, a kind of bilateral tie, and the
/// factor a tie takes by who the partner is. Written `member:artemis`,
/// `body:ilrs`, `tie:launch`, `partner:leader` in `lean_weights.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeanItem {
    /// A state membership of a framework.
    Member(FrameworkId),
    /// A membership by the country's agency, institution or company in its
    /// own name (not the state's).
    Body(FrameworkId),
    /// A bilateral tie of a kind.
    Tie(PartnershipKind),
    /// The factor of a tie with a leading state (the United States; China,
    /// Russia) or its bodies: `true`; with another state of a camp: `false`.
    Partner(bool),
}

impl LeanItem {
    /// Every item, memberships first.
    pub fn all() -> Vec<LeanItem> {
        let mut v: Vec<LeanItem> = FrameworkId::ALL
            .iter()
            .map(|&f| LeanItem::Member(f))
            .collect();
        v.extend(FrameworkId::ALL.iter().map(|&f| LeanItem::Body(f)));
        v.extend(PartnershipKind::ALL.iter().map(|&k| LeanItem::Tie(k)));
        v.extend([LeanItem::Partner(true), LeanItem::Partner(false)]);
        v
    }

    /// The id in `lean_weights.csv`.
    pub fn id(self) -> String {
        match self {
            LeanItem::Member(f) => format!("member:{}", f.id()),
            LeanItem::Body(f) => format!("body:{}", f.id()),
            LeanItem::Tie(k) => format!("tie:{}", k.id()),
            LeanItem::Partner(true) => "partner:leader".to_string(),
            LeanItem::Partner(false) => "partner:member".to_string(),
        }
    }

    /// Reads an id.
    pub fn parse(text: &str) -> Option<LeanItem> {
        match text.split_once(':')? {
            ("member", f) => FrameworkId::parse(f).map(LeanItem::Member),
            ("body", f) => FrameworkId::parse(f).map(LeanItem::Body),
            ("tie", k) => PartnershipKind::parse(k).map(LeanItem::Tie),
            ("partner", "leader") => Some(LeanItem::Partner(true)),
            ("partner", "member") => Some(LeanItem::Partner(false)),
            _ => None,
        }
    }

    /// In words: "Artemis Accords membership", "launch".
    pub fn label(self) -> String {
        match self {
            LeanItem::Member(f) => format!("{} membership", f.label()),
            LeanItem::Body(f) => format!("{} membership of an agency or institution", f.label()),
            LeanItem::Tie(k) => k.label().to_lowercase(),
            LeanItem::Partner(true) => "a tie with a leading state".to_string(),
            LeanItem::Partner(false) => "a tie with another state of a camp".to_string(),
        }
    }
}

/// How much one item counts towards a lean.
#[derive(Debug, Clone, PartialEq)]
pub struct LeanWeight {
    /// What is counted.
    pub item: LeanItem,
    /// Its weight, 0 to 10.
    pub weight: f32,
    /// Why, for readers.
    pub note: String,
}

/// A cited public source.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Address, empty only when the note explains why.
    pub url: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date, if known.
    pub date: Option<Date>,
    /// Primary or secondary.
    pub kind: SourceType,
    /// Editorial note (e.g. why it is weak).
    pub note: String,
}

/// The cited sources. Their ids come with the rest of the dataset, so that
/// every fact's sources are checked when it is loaded; their records
/// (address, title, publisher, date) are read with it too, except in the
/// app's split build, where they come a step later (issue #18, "a lighter
/// first load": the first frame cites none) and are [`provide`]d once.
/// Nothing changes once a record is here.
///
/// [`provide`]: Sources::provide
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sources {
    /// Every source's id, in the file's order.
    ids: Vec<String>,
    /// The records, parallel to `ids`, once here.
    records: std::sync::OnceLock<Vec<Source>>,
}

impl Sources {
    /// Sources whose records are here at once.
    pub fn new(records: Vec<Source>) -> Self {
        Sources {
            ids: records.iter().map(|s| s.id.clone()).collect(),
            records: records.into(),
        }
    }

    /// Sources known by id only, their records to be [`provide`](Self::provide)d.
    pub fn ids_only(ids: Vec<String>) -> Self {
        Sources {
            ids,
            records: std::sync::OnceLock::new(),
        }
    }

    /// Every source's id, in the file's order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Whether a source of this id exists (known with or without its record).
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|s| s == id)
    }

    /// Whether the records are here.
    pub fn ready(&self) -> bool {
        self.records.get().is_some()
    }

    /// The records, in the file's order; none until they are here.
    pub fn records(&self) -> &[Source] {
        self.records.get().map_or(&[], Vec::as_slice)
    }

    /// A record by id, once the records are here.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.records().iter().find(|s| s.id == id)
    }

    /// The records, for tests that edit a loaded dataset.
    #[cfg(test)]
    pub fn records_mut(&mut self) -> &mut [Source] {
        self.records.get_mut().map_or(&mut [], Vec::as_mut_slice)
    }

    /// Whether `records` are the records of these sources: the same
    /// sources in the same order; else why not.
    pub fn check(&self, records: &[Source]) -> Result<(), String> {
        if records.len() != self.ids.len()
            || records.iter().zip(&self.ids).any(|(r, id)| r.id != *id)
        {
            return Err(format!(
                "the sources' records ({}) are not the {} sources the dataset names",
                records.len(),
                self.ids.len()
            ));
        }
        Ok(())
    }

    /// Hands over the records of sources known by id, if they pass
    /// [`Sources::check`]; records already here stay (a second call changes
    /// nothing and is not an error).
    pub fn provide(&self, records: Vec<Source>) -> Result<(), String> {
        self.check(&records)?;
        let _ = self.records.set(records);
        Ok(())
    }
}

/// The whole embedded dataset, immutable once loaded: filters and views
/// derive from it and never change it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    /// Dataset version.
    pub version: String,
    /// The date of the newest fact.
    pub as_of: Date,
    /// Countries (reference table) and other actors, by id order of the files.
    pub actors: Vec<Actor>,
    /// Country reference facts, parallel lookup by ISO3.
    pub countries: Vec<Country>,
    /// The frameworks.
    pub frameworks: Vec<Framework>,
    /// Membership acts.
    pub memberships: Vec<Membership>,
    /// Bilateral ties.
    pub partnerships: Vec<Partnership>,
    /// The cited sources (see [`Sources`]: their records may come a step
    /// after the rest).
    pub sources: Sources,
    /// Official member counts reported by sources, oldest first.
    pub reported_counts: Vec<ReportedCount>,
    /// The weights of the lean rule, one per [`LeanItem`].
    pub lean_weights: Vec<LeanWeight>,
}

impl Dataset {
    /// An actor by id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The weight of a lean item (0 when the file does not name it).
    pub fn lean_weight(&self, item: LeanItem) -> f32 {
        self.lean_weights
            .iter()
            .find(|w| w.item == item)
            .map_or(0.0, |w| w.weight)
    }

    /// A country's reference facts by ISO3.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.iso3.as_str().cmp(iso3))
            .ok()
            .map(|i| &self.countries[i])
    }

    /// A source by id, once the sources' records are here.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// A framework by id.
    pub fn framework(&self, id: FrameworkId) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// The country an actor belongs to (itself for a country).
    pub fn home_country(&self, actor_id: &str) -> Option<&str> {
        self.actor(actor_id).and_then(|a| a.country.as_deref())
    }
}
