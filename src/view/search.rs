//! Search matching for the search box: names, ISO codes and aliases,
//! ignoring case and accents ("turkiye" finds Türkiye), ranked so that exact
//! matches come before prefixes and prefixes before substrings.

/// Lower-cases `s` and strips the accents of Latin letters, so that a
/// reader typing without them still finds the name.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
            'ď' | 'đ' => "d",
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'œ' => "oe",
            'ŕ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ß' => "ss",
            'ţ' | 'ť' | 'ț' => "t",
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            // Combining marks (a decomposed "é", or "İ" lower-cased).
            '\u{300}'..='\u{36f}' => "",
            // Curly apostrophes and dashes as typed on a keyboard.
            '\u{2019}' | '\u{2018}' => "'",
            '\u{2013}' | '\u{2014}' => "-",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// How well a folded query `q` matches a node (lower is better), or `None`:
/// 0 the name or id exactly, 1 an alias exactly (so "UK" finds the United
/// Kingdom before Ukraine), 2 the start of the name, 3 inside the name,
/// 4 inside an alias.
pub fn rank(q: &str, name: &str, id: &str, aliases: &[String]) -> Option<u8> {
    if q.is_empty() {
        return None;
    }
    let name = fold(name);
    let aliases: Vec<String> = aliases.iter().map(|a| fold(a)).collect();
    if name == q || fold(id) == q {
        Some(0)
    } else if aliases.iter().any(|a| a == q) {
        Some(1)
    } else if name.starts_with(q) {
        Some(2)
    } else if name.contains(q) {
        Some(3)
    } else if aliases.iter().any(|a| a.contains(q)) {
        Some(4)
    } else {
        None
    }
}

/// What the search box suggests for `query` in `graph`, best first, as
/// (node id, label): nodes by name, code or alias, and bodies drawn as part
/// of their country (bodies folded in) leading to the country's node.
pub fn suggestions(
    ds: &crate::model::Dataset,
    g: &crate::graph::Graph,
    query: &str,
) -> Vec<(String, String)> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, String, String)> = Vec::new();
    for n in &g.nodes {
        let aliases = ds.actor(&n.id).map_or(&[][..], |a| &a.aliases[..]);
        if let Some(rank) = rank(&q, &n.label, &n.id, aliases) {
            let hint = if n.is_hub() { "framework" } else { &n.id };
            hits.push((rank, n.id.clone(), format!("{} ({hint})", n.label)));
        }
    }
    // Agencies and organisations drawn as part of their country (bodies
    // folded in) are found too, and lead to the country's node.
    for a in &ds.actors {
        let Some(country) = a.country.as_deref() else {
            continue;
        };
        // Skip when the country matches itself ("Korea" finds South Korea,
        // not only its space agency).
        if g.index_of(&a.id).is_some()
            || g.index_of(country).is_none()
            || hits.iter().any(|(_, id, _)| id == country)
        {
            continue;
        }
        if let Some(rank) = rank(&q, &a.name, &a.id, &a.aliases) {
            let shown_as = ds.actor(country).map_or(country, |c| c.name.as_str());
            hits.push((
                rank,
                country.to_string(),
                format!("{} (in {shown_as})", a.name),
            ));
        }
    }
    crate::sort::sort(&mut hits);
    let mut seen = std::collections::BTreeSet::new();
    hits.into_iter()
        .filter(|(_, id, _)| seen.insert(id.clone()))
        .map(|(_, id, label)| (id, label))
        .collect()
}

/// Listbox type-ahead: the first label after `current` (wrapping round)
/// that starts with `typed`, ignoring case and accents; a repeated single
/// letter cycles through the labels that start with it.
pub fn type_ahead<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    current: Option<usize>,
    typed: &str,
) -> Option<usize> {
    let labels: Vec<String> = labels.into_iter().map(fold).collect();
    let typed = fold(typed);
    if typed.is_empty() || labels.is_empty() {
        return None;
    }
    // "aa…" cycles like "a"; otherwise the current label may still match.
    let first = typed.chars().next()?;
    let (needle, skip) = if typed.chars().all(|c| c == first) {
        (first.to_string(), 1)
    } else {
        (typed, 0)
    };
    let n = labels.len();
    let start = current.map_or(0, |c| c + skip);
    (0..n)
        .map(|k| (start + k) % n)
        .find(|&i| labels[i].starts_with(&needle))
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggestions_find_names_codes_aliases_and_folded_bodies() {
        use crate::graph::{Filters, build};
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let first = |q: &str| {
            super::suggestions(ds, &g, q)
                .first()
                .map(|(id, _)| id.clone())
        };
        assert_eq!(
            first("uk").as_deref(),
            Some("GBR"),
            "an exact alias before a prefix"
        );
        assert_eq!(first("THA").as_deref(), Some("THA"));
        assert_eq!(first("turkiye").as_deref(), Some("TUR"), "accents ignored");
        assert_eq!(
            first("nasa").as_deref(),
            Some("USA"),
            "a folded body leads to its country"
        );
        assert!(
            super::suggestions(ds, &g, "artemis")
                .iter()
                .any(|(id, _)| id == "hub:artemis")
        );
        assert!(super::suggestions(ds, &g, "   ").is_empty());
        let all = super::suggestions(ds, &g, "a");
        let ids: std::collections::BTreeSet<&String> = all.iter().map(|(id, _)| id).collect();
        assert_eq!(ids.len(), all.len(), "each node once");
    }

    #[test]
    fn type_ahead_finds_and_cycles() {
        let labels = [
            "Artemis",
            "Senegal",
            "Serbia",
            "Sweden",
            "Équateur",
            "Thailand",
        ];
        let l = || labels.iter().copied();
        assert_eq!(super::type_ahead(l(), None, "s"), Some(1));
        assert_eq!(super::type_ahead(l(), Some(1), "s"), Some(2));
        assert_eq!(super::type_ahead(l(), Some(3), "s"), Some(1), "wraps round");
        assert_eq!(super::type_ahead(l(), Some(1), "ser"), Some(2));
        assert_eq!(
            super::type_ahead(l(), Some(2), "se"),
            Some(2),
            "the current one still matches"
        );
        assert_eq!(
            super::type_ahead(l(), None, "e"),
            Some(4),
            "accents ignored"
        );
        assert_eq!(super::type_ahead(l(), None, "x"), None);
        assert_eq!(super::type_ahead(l(), None, ""), None);
    }

    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("SÃO TOMÉ"), "sao tome");
        assert_eq!(fold("Ångström Øresund Łódź"), "angstrom oresund lodz");
        assert_eq!(fold("中国"), "中国");
        assert_eq!(fold("İngiltere"), "ingiltere");
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn exact_before_alias_before_prefix_before_substring() {
        let none: Vec<String> = Vec::new();
        let uk = vec!["UK".to_string(), "Britain".to_string()];
        assert_eq!(rank("uk", "United Kingdom", "GBR", &uk), Some(1));
        assert_eq!(rank("uk", "Ukraine", "UKR", &none), Some(2));
        assert_eq!(rank("gbr", "United Kingdom", "GBR", &uk), Some(0));
        assert_eq!(rank("turkiye", "Türkiye", "TUR", &none), Some(0));
        assert_eq!(rank("kingdom", "United Kingdom", "GBR", &uk), Some(3));
        assert_eq!(rank("brit", "United Kingdom", "GBR", &uk), Some(4));
        assert_eq!(rank("xyz", "United Kingdom", "GBR", &uk), None);
        assert_eq!(rank("", "United Kingdom", "GBR", &uk), None);
    }
}
