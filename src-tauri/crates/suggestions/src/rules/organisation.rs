//! Organisations by rule: a head word (`Công đoàn`, `Ủy ban nhân dân`, `UBND`), then its extent
//! over the capitalised run and the places after it, a person's name split off the end, and
//! bare heads that share the next organisation's tail.

use super::name_end::BARE_UNITS;
use super::not_a_body::{internal_only, LOCAL_UNIT_HEADS};
use super::{abbreviation, is_surname, FoundOrg, Rules, NEVER_INSIDE};
use crate::lexicon;

impl Rules<'_, '_> {
    pub(super) fn organisations(&self) -> Vec<FoundOrg> {
        let mut orgs: Vec<FoundOrg> = Vec::new();
        let mut i = 0;
        while i < self.n() {
            if !self.usable(i) {
                i += 1;
                continue;
            }
            // `Hà Nội FC`, `Thể Công Viettel FC`: a club named by its capitalised words and FC.
            // Whether token `i` lies inside the body found last (which the scan continues into).
            let inside = orgs.last().is_some_and(|o: &FoundOrg| o.start < i && i <= o.end);
            let closed = if inside {
                None
            } else {
                self.club_ending(i).or_else(|| self.english_body_ending(i))
            };
            if let Some(end) = closed {
                orgs.push(FoundOrg::spanning(i, end));
                i = end + 1;
                continue;
            }
            // `chơi cho Kuzeyboru`, `khoác áo Buriram United`: the capitalised run a player
            // plays for is a club, whatever its language.
            if let Some(end) = self.club_played_for(i) {
                orgs.push(FoundOrg::spanning(i, end));
                i = end + 1;
                continue;
            }
            let Some((head_len, complete)) = self.head_at(i) else {
                i += 1;
                continue;
            };
            let head_end = i + head_len - 1;
            if self.no_body_at(i, head_len) {
                i = head_end + 1;
                continue;
            }
            // `Công ty TNHH Samsung Electronics Việt Nam`: a brand inside a company's name is
            // that company, not a second body.
            let head = self.doc.slice(i, head_end);
            let club = lexicon::index().clubs.contains(head);
            let brand = lexicon::named_alone(head) || lexicon::named_alone(self.doc.tokens[i].text);
            if inside && (club || brand) {
                i += 1;
                continue;
            }
            // `Công ty cổ phần Tập đoàn Hòa Phát`, `Tổng công ty Cảng hàng không Việt Nam`: right
            // after a company's head (and its legal form), a head begins the company's own
            // name, not a body inside it.
            let legal_form = inside
                && orgs.last().is_some_and(|o| {
                    let between = newsroom_text::lowercase(self.doc.slice(o.start, i - 1));
                    ["công ty", "tổng công ty", "doanh nghiệp", "tập đoàn"]
                        .iter()
                        .any(|h| {
                            between.strip_prefix(h).is_some_and(|form| {
                                form.is_empty()
                                    || form.starts_with(' ') && lexicon::LEGAL_FORMS.contains(&form.trim())
                            })
                        })
                });
            if legal_form {
                i += 1;
                continue;
            }
            // `Bộ phim do …`, `Hội nghị diễn ra …` opening a sentence: a one-word head whose
            // capital is only the sentence's, followed by a lower-case word it makes no name
            // with, is a common noun.
            // An abbreviation (`UBND tỉnh …`, `VKSND tỉnh …`) is never a common noun.
            let common_noun = head_len == 1
                && !complete
                && !self.doc.tokens[i].all_caps
                && self.doc.sentence_start(i)
                && head_end + 1 < self.n()
                && self.doc.joined(head_end + 1)
                && {
                    let next = &self.doc.tokens[head_end + 1];
                    !next.capitalised && !next.all_caps && !next.has_digit
                }
                && !self.compound_at(i);
            // `Lễ hội Hoa Ban`, `Hải Phòng`: a one-word head right after a capitalised word
            // that ends no title is the last syllable of a name or of a place's name.
            let name_tail = head_len == 1
                && !complete
                && i > 0
                && self.doc.joined(i)
                && !self.doc.tokens[i].all_caps
                && {
                    let before = &self.doc.tokens[i - 1];
                    before.capitalised
                        && (self.is_place(i - 1, i)
                            || !self.doc.sentence_start(i - 1)
                                && is_surname(before.text)
                                && (i.saturating_sub(4)..i)
                                    .all(|s| self.titles_at(s).iter().all(|len| s + len != i)))
                };
            if common_noun || name_tail {
                i += 1;
                continue;
            }
            // `Thành ủy viên` is a member's title, not the committee.
            if head_end + 1 < self.n()
                && self.doc.tokens[head_end + 1].text == "viên"
                && self.doc.joined(head_end + 1)
            {
                i = head_end + 1;
                continue;
            }
            let mut last_proper: Option<usize> = None;
            let alone = club || brand;
            // `VinFast VF3 giảm giá`: a brand before a model's code is the product.
            let model = brand && !club && head_end + 1 < self.n() && self.doc.joined(head_end + 1) && {
                let t = &self.doc.tokens[head_end + 1];
                t.has_digit
                    && t.text.chars().any(char::is_alphabetic)
                    && t.text.chars().next().is_some_and(char::is_uppercase)
            };
            if model {
                i = head_end + 2;
                continue;
            }
            let mut k = head_end + 1;
            let mut after_code = false;
            while k < self.n() && self.usable(k) && self.doc.tokens[k].latin {
                // A brand's or acronym's name goes on only with capitals (`Samsung Electronics
                // Việt Nam`) or a branch (`VietinBank chi nhánh Bắc Ninh`): a lower-case word
                // after it is the sentence (`VCCI gửi Chính phủ`).
                // The branch's word may be capitalised too (`Agribank Chi nhánh Quảng Ninh`).
                // A brand in brackets closes there (`… Thương Tín (Sacombank) chi nhánh`).
                let branch = alone
                    && self.doc.joined(k)
                    && self.doc.words_at(k, &["chi", "nhánh"])
                    && self.doc.tokens.get(k + 2).is_some_and(|t| t.capitalised)
                    && self.doc.joined(k + 2);
                if branch {
                    k += 2;
                    continue;
                }
                if alone && !(self.doc.tokens[k].capitalised || self.doc.tokens[k].all_caps) {
                    break;
                }
                // `Phòng Cảnh sát hình sự (PC02) Công an TP Hà Nội`: a unit's code in brackets
                // sits inside the name.
                if last_proper.is_some() && self.unit_code_at(k) {
                    k += 1;
                    after_code = true;
                    continue;
                }
                let comma = last_proper.is_some() && self.comma_joins(k);
                // `Tổng Công ty May 10 - CTCP`, `… Sài Gòn – TNHH MTV`: the legal form after a
                // dash closes the company's name.
                if last_proper.is_some() && matches!(self.doc.gap_before(k), " - " | " – ") {
                    let form = [
                        &["CTCP"][..],
                        &["TNHH", "MTV"],
                        &["TNHH", "một", "thành", "viên"],
                        &["Công", "ty", "cổ", "phần"],
                    ]
                    .iter()
                    .find(|w| {
                        (0..w.len()).all(|x| {
                            self.doc.tokens.get(k + x).is_some_and(|t| t.text == w[x])
                                && (x == 0 || self.doc.joined(k + x))
                        })
                    })
                    .map(|w| w.len());
                    if let Some(len) = form {
                        last_proper = Some(k + len - 1);
                        break;
                    }
                }
                // `Ban Kinh tế - Ngân sách`: a head of two words or more names enough for a
                // dash to go on from it.
                let dash =
                    self.dash_joins(k) && (last_proper.is_some() || k == head_end + 1 && head_len >= 2);
                if !(self.doc.joined(k) || dash || comma || std::mem::take(&mut after_code)) {
                    break;
                }
                let t = &self.doc.tokens[k];
                // `Đại biểu Quốc hội tỉnh Nghệ An`: the nation's body has no place after it; the
                // place is the deputy's constituency.
                if k == head_end + 1
                    && lexicon::NATIONAL_BODIES.contains(&self.doc.slice(i, head_end))
                    && lexicon::index().admin_words.contains(t.lower)
                {
                    break;
                }
                // `… Nam Định Tháng 11 vừa qua`: a date after a name is not part of it.
                let date = ["tháng", "ngày", "năm", "quý"].contains(&t.lower)
                    && self.doc.tokens.get(k + 1).is_some_and(|n| n.has_digit)
                    && self.doc.joined(k + 1);
                if date {
                    break;
                }
                // `Ban Quản lý và Công đoàn các KCN…` names two bodies; `Viện Công nhân và Công
                // đoàn`, where the second head has no name of its own, names one.
                if t.lower == "và"
                    && k + 1 < self.n()
                    && self.head_at(k + 1).is_some()
                    && self.named_head(k + 1)
                {
                    break;
                }
                // `… Trung ương Lại Xuân Môn và Phó Chủ tịch Quốc hội …`: after `và` a capitalised
                // title begins the next person of a list; no body's name goes on into one.
                if t.lower == "và"
                    && k + 1 < self.n()
                    && self.doc.tokens[k + 1].capitalised
                    && !self.titles_at(k + 1).is_empty()
                {
                    break;
                }
                // `Trường THPT chuyên Lê Hồng Phong`: a gifted school's `chuyên` before its name.
                let gifted = t.lower == "chuyên"
                    && last_proper.is_some()
                    && self.doc.tokens.get(k + 1).is_some_and(|n| n.capitalised)
                    && self.doc.joined(k + 1);
                if gifted {
                    k += 1;
                    continue;
                }
                // A number right after the head is the body's name (`Tổng công ty 36`).
                let head_number = k == head_end + 1
                    && t.has_digit
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && t.text.len() <= 3;
                if head_number {
                    last_proper = Some(k);
                    k += 1;
                    continue;
                }
                // `Đội CSGT số 6`, `Trường Tiểu học số 1`: a body's number is its name.
                let numbered = t.lower == "số"
                    && self.doc.tokens.get(k + 1).is_some_and(|n| {
                        n.has_digit && n.text.chars().all(|c| c.is_ascii_digit()) && n.text.len() <= 3
                    })
                    && self.doc.joined(k + 1);
                if numbered {
                    last_proper = Some(k + 1);
                    k += 2;
                    continue;
                }
                // `Văn phòng ILO tại Việt Nam`, `Quỹ Nhi đồng Liên hợp quốc tại Việt Nam`: an
                // international body's or a mission's office in a country is named with it.
                if t.lower == "tại" && last_proper.is_some() {
                    // `Hội Người lao động Việt Nam tại Nhật Bản`: Vietnamese abroad.
                    let abroad = |e: usize| {
                        newsroom_text::lowercase(self.doc.slice(i, k - 1)).ends_with("việt nam")
                            && lexicon::COUNTRIES.contains(&self.doc.slice(k + 1, e))
                    };
                    let city = |e: usize| {
                        e == k + 1 && abbreviation(self.doc.tokens[e].text) == Some("Thành phố Hồ Chí Minh")
                    };
                    if let Some(place) = (k + 1..self.n().min(k + 5)).rev().find(|&e| {
                        self.doc.joined(k + 1)
                            && (k + 2..=e).all(|x| self.doc.joined(x))
                            && (self.office_abroad(i, k) && (self.is_place(k + 1, e) || city(e)) || abroad(e))
                    }) {
                        last_proper = Some(place);
                        k = place + 1;
                        continue;
                    }
                }
                if !t.capitalised && !t.all_caps && !t.has_digit {
                    if let Some((last, bracket)) =
                        self.descriptive_stretch(head_end, head_len, last_proper, k)
                    {
                        if bracket {
                            last_proper = Some(last);
                            break;
                        }
                        k = last + 1;
                        continue;
                    }
                }
                // The sentence's predicate begins: the name has ended (`Sông Đà triển khai`).
                if self.predicate_at(k) {
                    break;
                }
                // `nhân dân tối cao`, `nhỏ và vừa`: lower-case words official names carry.
                if let Some(len) = self
                    .name_tail_at(k)
                    .filter(|_| last_proper.is_some() || k == head_end + 1)
                {
                    last_proper = Some(k + len - 1);
                    k += len;
                    continue;
                }
                // A body named inside this one (`Công đoàn Tổng công ty Vận tải…`) is part of
                // the name, head and all.
                if let Some((inner, _)) = self.head_at(k).filter(|_| t.capitalised) {
                    last_proper = Some(k + inner - 1);
                    k += inner;
                    continue;
                }
                // `Công ty TNHH Hoàng Long đầu tư vào Bắc Ninh`: after a name of two capitalised
                // words, lower case is the sentence going on, not the name's second syllable
                // nor a stretch leading to a place inside it.
                // So after a brand's word, which no Vietnamese syllable spells (`Tập đoàn Masan
                // đầu tư vào Bắc Giang`).
                let after_name = k >= 2
                    && self.doc.tokens[k - 1].capitalised
                    && self.doc.tokens[k - 2].capitalised
                    && self.doc.joined(k - 1)
                    && k - 2 > head_end
                    && !self.compound_at(k - 1)
                    || k - 1 > head_end
                        && self.doc.tokens[k - 1].capitalised
                        && !newsroom_text::syllable::is_syllable(self.doc.tokens[k - 1].text);
                let after_capital = self.doc.tokens[k - 1].capitalised && self.doc.joined(k) && !after_name;
                let lower_word = !t.capitalised && !t.all_caps && !t.has_digit;
                // A number right after a capitalised word is part of the name (`May 10`,
                // `Sông Đà 5`); counts and years are written otherwise (`2.000`, `năm 2024`).
                // Also after a capitalised compound's lower-case syllable (`Nhân dân 115`).
                let compound_before = k >= 2
                    && last_proper == Some(k - 2)
                    && self.doc.tokens[k - 2].capitalised
                    && self.compound_at(k - 2);
                let counted = self
                    .doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| self.doc.joined(k + 1) && lexicon::COUNT_WORDS.contains(&n.lower));
                let name_number = t.has_digit
                    && !counted
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && t.text.len() <= 4
                    && (self.doc.tokens[k - 1].capitalised
                        || self.doc.tokens[k - 1].all_caps
                        || compound_before
                        || last_proper == Some(k - 1))
                    && self.doc.joined(k);
                let proper =
                    t.capitalised || t.all_caps || (t.has_digit && t.text.chars().any(char::is_alphabetic));
                if proper || name_number {
                    last_proper = Some(k);
                } else if t.has_digit {
                    break;
                } else if after_capital && !NEVER_INSIDE.contains(&t.lower) {
                    // The lower-case second syllable of a capitalised compound (`Gạch men`,
                    // `Điện lực`): part of the name if the name goes on after it.
                } else if lower_word && self.bridges_to_bare_unit(k) {
                    // `Trung tâm Dịch vụ việc làm tỉnh`, `Trung tâm Phục vụ hành chính công tỉnh`
                    // in a piece about one province: the words up to the unit are the name, the
                    // unit its place.
                    last_proper = Some(k);
                } else if lexicon::index().connectors.contains(t.lower)
                    && !after_name
                    && !self.describes_many(k)
                    || lexicon::index().admin_words.contains(t.lower)
                {
                } else if lower_word
                    && !after_name
                    && (self.bridges_to_place(k) || self.bridges_to_capital(k))
                {
                    // `Trung tâm Dịch vụ việc làm Hà Nội`, `Quần thể danh thắng Tràng An`: a
                    // short lower-case stretch that leads on to a capital belongs to the name.
                } else {
                    break;
                }
                k += 1;
            }
            // `Công an tỉnh`, `UBND tỉnh` in a piece about one province: a local body's head
            // with only its unit of place after it is that province's body.
            let local_bare = last_proper.is_none()
                && LOCAL_UNIT_HEADS.contains(&self.doc.slice(i, head_end))
                && self.bare_unit_after(head_end).is_some();
            let end: usize = match (last_proper, complete || local_bare) {
                (Some(end), _) => end,
                (None, true) => head_end,
                (None, false) => {
                    // A bare head shares the next organisation's tail:
                    // `Ban Quản lý và Công đoàn các KCN…` names two bodies.
                    orgs.push(FoundOrg {
                        bare: true,
                        ..FoundOrg::spanning(i, head_end)
                    });
                    i = head_end + 1;
                    continue;
                }
            };
            let end = self.purpose_object(head_end, end);
            // Opening a sentence, the head's capital is the sentence's: a name needs a capital,
            // a number or an abbreviation of its own after it (`Tổ chức quốc tế khuyến nghị`).
            let own_proper = (head_end + 1..=end).any(|t| {
                let tok = &self.doc.tokens[t];
                tok.capitalised || tok.all_caps || tok.has_digit
            });
            // A long head (`Tòa án nhân dân tối cao`) is distinctive enough by itself.
            // `Công an tỉnh`, `Trạm Khuyến nông huyện` opening a sentence name the piece's own.
            if self.doc.sentence_start(i) && !complete && !local_bare && !own_proper && head_len <= 2 {
                i = head_end + 1;
                continue;
            }
            // `Cơ quan CSĐT`, `Phòng CSGT` alone: a unit of some police force, the text does
            // not say whose.
            let unit_of_nobody = end == head_end + 1
                && ["cơ quan", "phòng", "đội"]
                    .contains(&newsroom_text::lowercase(self.doc.slice(i, head_end)).as_str())
                && self.doc.tokens[end].all_caps
                && abbreviation(self.doc.tokens[end].text).is_some();
            if unit_of_nobody {
                i = end + 1;
                continue;
            }
            let mut org = FoundOrg::spanning(i, end);
            self.split_trailing_name(&mut org, head_end);
            // Vietnamese capitalises only the first syllable of a compound in a name
            // (`Thành phố`, `Thống kê`): keep its lower-case partner, and the lower-case words
            // official names end with (`quốc gia`, `tối cao`).
            if org.person_from.is_none() && self.doc.tokens[org.end].capitalised {
                self.extend_lower_tail(&mut org);
            }
            orgs.push(org);
            // Continue inside the extent, so a nested body (`Ủy ban Kiểm tra Liên đoàn Lao
            // động Thành phố`) is found too, but never inside the head itself.
            i = head_end + 1;
        }
        self.resolve_shared_tails(&mut orgs);
        orgs.retain(|o| !o.bare || !o.name.is_empty());
        for &(start, end) in &self.known_orgs {
            orgs.push(FoundOrg {
                name: self.doc.slice(start, end).to_owned(),
                known: true,
                ..FoundOrg::spanning(start, end)
            });
        }
        orgs.sort_by_key(|o| o.start);
        // `Phòng Cảnh sát hình sự (PC02) Công an TP Hà Nội`: a unit's code in brackets between
        // a unit and the force it belongs to joins them into one name.
        for o in 0..orgs.len() {
            let code = orgs[o].end + 1;
            if orgs[o].person_from.is_none() && code + 1 < self.n() && self.unit_code_at(code) {
                if let Some(end) = orgs.iter().find(|b| b.start == code + 1).map(|b| b.end) {
                    orgs[o].end = end;
                    orgs[o].name.clear();
                }
            }
        }
        for org in &mut orgs {
            let end = org.person_from.map_or(org.end, |p| p - 1);
            org.end = end;
            if org.name.is_empty() {
                org.name = self.doc.slice(org.start, end).to_owned();
            }
            // `Sở LĐ-TB&XH tỉnh` in a piece about one province is that province's.
            let mut place_named = None;
            // `HĐND TP` ends in its unit already, written in capitals.
            // `UBND tỉnh Trần Phước Hiền` ends in its bare unit once the person is split off.
            let unit_before_person = org.person_from.is_some().then(|| {
                BARE_UNITS
                    .iter()
                    .find(|words| {
                        org.end + 1 >= org.start + 1 + words.len()
                            && self.doc.words_at(org.end + 1 - words.len(), words)
                    })
                    .map_or(0, |words| words.len())
            });
            let base = if org.end > org.start && ["TP", "TP."].contains(&self.doc.tokens[org.end].text) {
                org.end - 1
            } else if let Some(len @ 1..) = unit_before_person {
                org.end - len
            } else {
                org.end
            };
            if let Some((unit_end, place)) = self.bare_unit_after(base) {
                place_named = Some((unit_end - base, place));
                org.end = unit_end;
                org.name = self.doc.slice(org.start, unit_end).to_owned();
            }
            org.alias = self.bracketed_alias(org.start, org.end);
            // `Trung tâm Kiểm soát bệnh tật (CDC) tỉnh Bắc Giang`: the place after the short
            // name is the body's.
            if let Some(place_end) = org.alias.and_then(|(_, to)| self.place_after_bracket(to)) {
                org.end = place_end;
                org.name = self.doc.slice(org.start, place_end).to_owned();
            }
            let mut words: Vec<&str> = org
                .name
                .split(' ')
                .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
                .collect();
            if let Some((unit_len, _)) = &place_named {
                words.truncate(words.len().saturating_sub(*unit_len));
            }
            let expanded: Vec<String> = words
                .into_iter()
                .map(|w| abbreviation(w).map_or_else(|| spelled_unit(w), str::to_owned))
                .collect();
            let mut expanded = expanded.join(" ");
            if let Some((_, place)) = place_named {
                let place: Vec<&str> = place
                    .split(' ')
                    .map(|w| abbreviation(w).map_or(w, |full| full))
                    .collect();
                expanded = format!("{expanded} {}", place.join(" "));
            }
            if expanded != org.name {
                org.expanded = Some(expanded);
            }
            if internal_only(&org.name) {
                org.generic = true;
            }
        }
        self.alias_mentions(&mut orgs);
        orgs
    }

    /// The last token of a unit of place and its name right after the bracket that closes
    /// after token `to` (`(CDC) tỉnh Bắc Giang`).
    fn place_after_bracket(&self, to: usize) -> Option<usize> {
        let unit = to + 1;
        if unit >= self.n() || self.doc.gap_before(unit) != ") " || self.doc.tokens[unit].excluded {
            return None;
        }
        let len = lexicon::ADMIN_UNITS
            .iter()
            .map(|u| u.split(' ').collect::<Vec<_>>())
            .filter(|words| self.doc.words_at(unit, words))
            .map(|words| words.len())
            .max()
            .or_else(|| ["TP", "TP."].contains(&self.doc.tokens[unit].text).then_some(1))?;
        let name = unit + len;
        if name >= self.n() || !self.doc.joined(name) || !self.doc.tokens[name].capitalised {
            return None;
        }
        // A known place ends it; the run may go on into a person's name (`(CDC) tỉnh Bắc Giang
        // Nguyễn Văn A cho biết`).
        let run = self.run_from(name).min(name + 3);
        (name..=run)
            .rev()
            .find(|&e| self.is_place(name, e))
            .or_else(|| (run - name < 2).then_some(run))
    }

    /// `… Hiệp hội Dệt may Việt Nam (Vitas) … Phó Chủ tịch Vitas Trương Văn Cẩm`: a short name
    /// given in brackets names its body wherever it stands alone again, so a role can end in it.
    fn alias_mentions(&self, orgs: &mut Vec<FoundOrg>) {
        let aliases: Vec<(usize, usize)> = orgs.iter().filter_map(|o| o.alias).collect();
        let mut found = Vec::new();
        for (from, to) in aliases {
            let len = to - from + 1;
            let same =
                |i: usize| (0..len).all(|d| self.doc.tokens[i + d].text == self.doc.tokens[from + d].text);
            for i in 0..self.n().saturating_sub(len - 1) {
                let end = i + len - 1;
                let alone = i != from
                    && (1..len).all(|d| self.doc.joined(i + d))
                    && !self.doc.gap_before(i).trim_end().ends_with('(')
                    && !(end + 1 < self.n() && self.doc.joined(end + 1) && self.doc.tokens[end + 1].all_caps);
                let covered = orgs
                    .iter()
                    .chain(&found)
                    .any(|o: &FoundOrg| o.start <= end && i <= o.end);
                if alone && same(i) && !covered {
                    found.push(FoundOrg {
                        name: self.doc.slice(i, end).to_owned(),
                        ..FoundOrg::spanning(i, end)
                    });
                }
            }
        }
        orgs.extend(found);
        orgs.sort_by_key(|o| o.start);
    }
}

/// A unit of place glued to its name as the southern papers write it (`P.Linh Trung`,
/// `TP.Thủ Đức`, `H.Long Thành`), spelled out word by word (`P.Linh` → `phường Linh`); any
/// other word as it is.
fn spelled_unit(word: &str) -> String {
    lexicon::GLUED_UNITS
        .iter()
        .find_map(|(short, unit)| {
            word.strip_prefix(short)
                .filter(|name| name.starts_with(char::is_uppercase))
                .map(|name| format!("{unit} {name}"))
        })
        .unwrap_or_else(|| word.to_owned())
}
