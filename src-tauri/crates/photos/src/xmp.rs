//! XMP packets: reading the IPTC fields on import and writing them on export.
//!
//! Reading resolves namespaces by URI, not by prefix, and accepts both RDF forms tools write:
//! properties as elements (`<dc:description><rdf:Alt><rdf:li …>`) and simple properties as
//! attributes of `rdf:Description`. A malformed packet yields whatever was read before the
//! error; it never fails an import.

use quick_xml::escape::escape;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use crate::models::EmbeddedFields;

const RDF: &[u8] = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const DC: &[u8] = b"http://purl.org/dc/elements/1.1/";
const PHOTOSHOP: &[u8] = b"http://ns.adobe.com/photoshop/1.0/";
const IPTC_CORE: &[u8] = b"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
const IPTC_EXT: &[u8] = b"http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
const XMP_BASIC: &[u8] = b"http://ns.adobe.com/xap/1.0/";
const XML: &[u8] = b"http://www.w3.org/XML/1998/namespace";

/// Packets larger than this are not read: no real caption needs it, and it bounds the work
/// a hostile file can cause.
pub const MAX_PACKET: usize = 4 * 1024 * 1024;

/// The signature that starts a JPEG APP1 segment holding XMP.
pub const JPEG_SIGNATURE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Property {
    Description,
    Creator,
    Rights,
    Subject,
    Credit,
    Headline,
    DateCreated,
    AltText,
    PersonInImage,
    OrganisationInImage,
    Rating,
    Label,
    City,
    Province,
    Country,
    Event,
    Instructions,
    JobId,
}

fn property(namespace: &[u8], local: &[u8]) -> Option<Property> {
    match (namespace, local) {
        (DC, b"description") => Some(Property::Description),
        (DC, b"creator") => Some(Property::Creator),
        (DC, b"rights") => Some(Property::Rights),
        (DC, b"subject") => Some(Property::Subject),
        (PHOTOSHOP, b"Credit") => Some(Property::Credit),
        (PHOTOSHOP, b"Headline") => Some(Property::Headline),
        (PHOTOSHOP, b"DateCreated") => Some(Property::DateCreated),
        (IPTC_CORE, b"AltTextAccessibility") => Some(Property::AltText),
        (IPTC_EXT, b"PersonInImage") => Some(Property::PersonInImage),
        (IPTC_EXT, b"OrganisationInImageName") => Some(Property::OrganisationInImage),
        (XMP_BASIC, b"Rating") => Some(Property::Rating),
        (PHOTOSHOP, b"City") => Some(Property::City),
        (PHOTOSHOP, b"State") => Some(Property::Province),
        (PHOTOSHOP, b"Country") => Some(Property::Country),
        (PHOTOSHOP, b"Instructions") => Some(Property::Instructions),
        (PHOTOSHOP, b"TransmissionReference") => Some(Property::JobId),
        (IPTC_EXT, b"Event") => Some(Property::Event),
        (XMP_BASIC, b"Label") => Some(Property::Label),
        _ => None,
    }
}

/// The values read for one property: each `rdf:li` (with its language) or the plain text.
#[derive(Default)]
struct Values {
    items: Vec<(Option<String>, String)>,
}

impl Values {
    /// For language alternatives: `x-default` when present, else the first.
    fn preferred(&self) -> String {
        self.items
            .iter()
            .find(|(lang, _)| lang.as_deref() == Some("x-default"))
            .or_else(|| self.items.first())
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }

    fn list(&self) -> Vec<String> {
        self.items
            .iter()
            .map(|(_, value)| value.clone())
            .filter(|value| !value.is_empty())
            .collect()
    }
}

fn store(fields: &mut EmbeddedFields, property: Property, values: &Values) {
    let clean = |text: String| newsroom_text::nfc(text.trim());
    match property {
        Property::Description => fields.caption = clean(values.preferred()),
        Property::Rights => fields.copyright = clean(values.preferred()),
        Property::AltText => fields.alt_text = clean(values.preferred()),
        Property::Credit => fields.credit = clean(values.preferred()),
        Property::Headline => fields.headline = clean(values.preferred()),
        Property::DateCreated => fields.date_created = clean(values.preferred()),
        Property::Creator => fields.creator = clean(values.list().join("; ")),
        Property::Subject => fields.keywords = values.list().into_iter().map(clean).collect(),
        Property::PersonInImage => fields.people_shown = values.list().into_iter().map(clean).collect(),
        Property::OrganisationInImage => {
            fields.organisations_shown = values.list().into_iter().map(clean).collect()
        }
        // Tools write the rating as an integer or a real ("3.0"); anything else is unrated.
        Property::Rating => {
            fields.rating = values
                .preferred()
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|r| r.is_finite())
                .map(|r| r.round().clamp(-1.0, 5.0) as i8)
                .unwrap_or(0)
        }
        Property::Label => fields.label = clean(values.preferred()),
        Property::City => fields.city = clean(values.preferred()),
        Property::Province => fields.province = clean(values.preferred()),
        Property::Country => fields.country = clean(values.preferred()),
        Property::Event => fields.event = clean(values.preferred()),
        Property::Instructions => fields.instructions = clean(values.preferred()),
        Property::JobId => fields.job_id = clean(values.preferred()),
    }
}

/// Reads the IPTC fields from an XMP packet.
pub fn parse(packet: &[u8]) -> EmbeddedFields {
    let mut fields = EmbeddedFields::default();
    if packet.len() > MAX_PACKET {
        return fields;
    }
    let text = String::from_utf8_lossy(packet);
    let mut reader = NsReader::from_str(&text);
    let mut depth_of_description: Option<usize> = None;
    let mut depth = 0usize;
    // The property being read, the depth of its element, its values, and the current li.
    let mut current: Option<(Property, usize, Values)> = None;
    let mut item: Option<(Option<String>, String)> = None;
    while let Ok(event) = reader.read_resolved_event() {
        match event {
            (ResolveResult::Bound(ns), Event::Start(element)) => {
                depth += 1;
                let local = element.local_name();
                if ns.as_ref() == RDF && local.as_ref() == b"Description" {
                    depth_of_description = Some(depth);
                    read_attribute_properties(&reader, &element, &mut fields);
                } else if current.is_none() && depth_of_description == Some(depth - 1) {
                    if let Some(found) = property(ns.as_ref(), local.as_ref()) {
                        current = Some((found, depth, Values::default()));
                    }
                } else if current.is_some() && ns.as_ref() == RDF && local.as_ref() == b"li" {
                    let lang = element.attributes().flatten().find_map(|attr| {
                        let (ns, name) = reader.resolve_attribute(attr.key);
                        (matches!(ns, ResolveResult::Bound(n) if n.as_ref() == XML)
                            && name.as_ref() == b"lang")
                            .then(|| String::from_utf8_lossy(&attr.value).into_owned())
                    });
                    item = Some((lang, String::new()));
                }
            }
            (_, Event::Start(_)) => depth += 1,
            (ResolveResult::Bound(ns), Event::Empty(element))
                if ns.as_ref() == RDF && element.local_name().as_ref() == b"Description" =>
            {
                read_attribute_properties(&reader, &element, &mut fields);
            }
            (_, Event::Text(content)) => {
                if let Ok(value) = content.unescape() {
                    if let Some((_, text)) = item.as_mut() {
                        text.push_str(&value);
                    } else if let Some((_, _, values)) = current.as_mut() {
                        if !value.trim().is_empty() {
                            values.items.push((None, value.into_owned()));
                        }
                    }
                }
            }
            (_, Event::CData(content)) => {
                let value = String::from_utf8_lossy(&content).into_owned();
                if let Some((_, text)) = item.as_mut() {
                    text.push_str(&value);
                }
            }
            (_, Event::End(_)) => {
                if let Some(done) = item.take() {
                    if let Some((_, _, values)) = current.as_mut() {
                        values.items.push(done);
                    }
                } else if let Some((found, at, values)) = current.take() {
                    if at == depth {
                        store(&mut fields, found, &values);
                    } else {
                        current = Some((found, at, values));
                    }
                }
                if depth_of_description == Some(depth) {
                    depth_of_description = None;
                }
                depth = depth.saturating_sub(1);
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    fields
}

fn read_attribute_properties(
    reader: &NsReader<&[u8]>,
    element: &quick_xml::events::BytesStart<'_>,
    fields: &mut EmbeddedFields,
) {
    for attr in element.attributes().flatten() {
        let (ResolveResult::Bound(ns), name) = reader.resolve_attribute(attr.key) else {
            continue;
        };
        let Some(found) = property(ns.as_ref(), name.as_ref()) else {
            continue;
        };
        if let Ok(value) = attr.unescape_value() {
            let values = Values {
                items: vec![(None, value.into_owned())],
            };
            store(fields, found, &values);
        }
    }
}

fn alt(out: &mut String, name: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    out.push_str(&format!(
        "   <{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{name}>\n",
        escape(value.trim())
    ));
}

fn simple(out: &mut String, name: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    out.push_str(&format!("   <{name}>{}</{name}>\n", escape(value.trim())));
}

fn list(out: &mut String, name: &str, kind: &str, values: &[String]) {
    let values: Vec<&String> = values.iter().filter(|v| !v.trim().is_empty()).collect();
    if values.is_empty() {
        return;
    }
    out.push_str(&format!("   <{name}><rdf:{kind}>"));
    for value in values {
        out.push_str(&format!("<rdf:li>{}</rdf:li>", escape(value.trim())));
    }
    out.push_str(&format!("</rdf:{kind}></{name}>\n"));
}

/// An XMP packet carrying these fields, with padding so other tools can edit it in place.
pub fn packet(fields: &EmbeddedFields) -> String {
    let mut out = String::from(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         \x20 <rdf:Description rdf:about=\"\"\n\
         \x20   xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
         \x20   xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n\
         \x20   xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\"\n\
         \x20   xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
         \x20   xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">\n",
    );
    alt(&mut out, "dc:description", &fields.caption);
    let creators: Vec<String> = if fields.creator.trim().is_empty() {
        Vec::new()
    } else {
        vec![fields.creator.clone()]
    };
    list(&mut out, "dc:creator", "Seq", &creators);
    alt(&mut out, "dc:rights", &fields.copyright);
    list(&mut out, "dc:subject", "Bag", &fields.keywords);
    simple(&mut out, "photoshop:Credit", &fields.credit);
    simple(&mut out, "photoshop:Headline", &fields.headline);
    simple(&mut out, "photoshop:DateCreated", &fields.date_created);
    alt(&mut out, "Iptc4xmpCore:AltTextAccessibility", &fields.alt_text);
    simple(&mut out, "photoshop:City", &fields.city);
    simple(&mut out, "photoshop:State", &fields.province);
    simple(&mut out, "photoshop:Country", &fields.country);
    simple(&mut out, "photoshop:Instructions", &fields.instructions);
    simple(&mut out, "photoshop:TransmissionReference", &fields.job_id);
    alt(&mut out, "Iptc4xmpExt:Event", &fields.event);
    list(&mut out, "Iptc4xmpExt:PersonInImage", "Bag", &fields.people_shown);
    list(
        &mut out,
        "Iptc4xmpExt:OrganisationInImageName",
        "Bag",
        &fields.organisations_shown,
    );
    if fields.rating != 0 {
        simple(&mut out, "xmp:Rating", &fields.rating.to_string());
    }
    simple(&mut out, "xmp:Label", &fields.label);
    out.push_str("  </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
    // Padding lets editors grow the packet without rewriting the file (XMP spec, part 1).
    for _ in 0..20 {
        out.push_str(&" ".repeat(99));
        out.push('\n');
    }
    out.push_str("<?xpacket end=\"w\"?>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> EmbeddedFields {
        EmbeddedFields {
            caption: "Chủ tịch LĐLĐ thành phố trao quà cho đoàn viên <khó khăn> & gia đình".into(),
            creator: "Mai Quý".into(),
            credit: "Ảnh: Mai Quý".into(),
            copyright: "© Báo Lao động Thủ đô".into(),
            headline: "Trao quà".into(),
            keywords: vec!["công đoàn".into(), "Hà Nội".into()],
            date_created: "2021-05-17T11:16:00+07:00".into(),
            alt_text: "Một người phụ nữ nhận túi quà từ hai cán bộ công đoàn".into(),
            people_shown: vec!["Nguyễn Phi Thường".into()],
            organisations_shown: vec!["Liên đoàn Lao động thành phố Hà Nội".into()],
            rating: 4,
            label: "Green".into(),
            city: "Hà Nội".into(),
            province: "Hà Nội".into(),
            country: "Việt Nam".into(),
            event: "Hội nghị công nhân, viên chức 2026".into(),
            instructions: "Không dùng cho quảng cáo".into(),
            job_id: "LĐTĐ-2026-118".into(),
        }
    }

    #[test]
    fn a_written_packet_reads_back_field_for_field() {
        let fields = sample();
        assert_eq!(parse(packet(&fields).as_bytes()), fields);
    }

    #[test]
    fn attribute_form_and_other_prefixes_are_read() {
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:Credit="Ảnh: Hà An"
              xmlns:d="http://purl.org/dc/elements/1.1/">
              <d:description><rdf:Alt><rdf:li xml:lang="en">English</rdf:li><rdf:li xml:lang="x-default">Tiếng Việt</rdf:li></rdf:Alt></d:description>
            </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let fields = parse(packet.as_bytes());
        assert_eq!(fields.credit, "Ảnh: Hà An");
        assert_eq!(fields.caption, "Tiếng Việt");
    }

    #[test]
    fn malformed_packets_never_panic() {
        for packet in [
            &b""[..],
            b"<",
            b"<rdf:Description",
            b"<x><y></x>",
            b"\xff\xfe<a>",
            b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;&a;</x>",
        ] {
            let _ = parse(packet);
        }
    }
}
