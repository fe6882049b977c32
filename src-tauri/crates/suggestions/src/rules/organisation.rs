//! Organisations by rule: a head word (`Công đoàn`, `Ủy ban nhân dân`, `UBND`), then its extent
//! over the capitalised run and the places after it, a person's name split off the end, and
//! bare heads that share the next organisation's tail.

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
            if let Some(fc) = self.club_ending(i) {
                orgs.push(FoundOrg::spanning(i, fc));
                i = fc + 1;
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
            // `đường Trường Sơn` is a street; `Giải Báo chí quốc gia` is a prize.
            let street = i > 0
                && self.doc.joined(i)
                && (lexicon::STREET_WORDS.contains(&self.doc.tokens[i - 1].lower.as_str())
                    || self.doc.tokens[i - 1].lower == "giải");
            if street {
                i = head_end + 1;
                continue;
            }
            // `Công ty TNHH Samsung Electronics Việt Nam`: a brand inside a company's name is
            // that company, not a second body.
            let inside = orgs.last().is_some_and(|o: &FoundOrg| o.start < i && i <= o.end);
            let club = lexicon::CLUBS.contains(&self.doc.slice(i, head_end).as_str());
            if inside && (club || lexicon::named_alone(&self.doc.tokens[i].text)) {
                i += 1;
                continue;
            }
            // `Công ty cổ phần Tập đoàn Hòa Phát`: after a company's head and its legal form,
            // the group named is the company itself, not a body inside it.
            let legal_form = inside
                && orgs.last().is_some_and(|o| {
                    let between = self.doc.slice(o.start, i - 1).to_lowercase();
                    ["công ty ", "doanh nghiệp "].iter().any(|h| {
                        between
                            .strip_prefix(h)
                            .is_some_and(|form| lexicon::LEGAL_FORMS.contains(&form.trim()))
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
            if common_noun {
                i += 1;
                continue;
            }
            // `Thành ủy viên` is a member's title, not the committee.
            if head_end + 1 < self.n()
                && self.doc.tokens[head_end + 1].lower == "viên"
                && self.doc.joined(head_end + 1)
            {
                i = head_end + 1;
                continue;
            }
            let mut last_proper: Option<usize> = None;
            let alone = club || lexicon::named_alone(&self.doc.tokens[i].text);
            let mut k = head_end + 1;
            let mut after_code = false;
            while k < self.n() && self.usable(k) && self.doc.tokens[k].latin {
                // A brand's or acronym's name goes on only with capitals (`Samsung Electronics
                // Việt Nam`) or a branch (`VietinBank chi nhánh Bắc Ninh`): a lower-case word
                // after it is the sentence (`VCCI gửi Chính phủ`).
                if alone && !(self.doc.tokens[k].capitalised || self.doc.tokens[k].all_caps) {
                    let branch = self.doc.words_at(k, &["chi", "nhánh"])
                        && self.doc.tokens.get(k + 2).is_some_and(|t| t.capitalised)
                        && self.doc.joined(k + 2);
                    if !branch {
                        break;
                    }
                    k += 2;
                    continue;
                }
                // `Phòng Cảnh sát hình sự (PC02) Công an TP Hà Nội`: a unit's code in brackets
                // sits inside the name.
                if last_proper.is_some() && self.unit_code_at(k) {
                    k += 1;
                    after_code = true;
                    continue;
                }
                let comma = last_proper.is_some() && self.comma_joins(k);
                // `Ban Kinh tế - Ngân sách`: a head of two words or more names enough for a
                // dash to go on from it.
                let dash =
                    self.dash_joins(k) && (last_proper.is_some() || k == head_end + 1 && head_len >= 2);
                if !(self.doc.joined(k) || dash || comma || std::mem::take(&mut after_code)) {
                    break;
                }
                let t = &self.doc.tokens[k];
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
                        self.doc.slice(i, k - 1).to_lowercase().ends_with("việt nam")
                            && lexicon::COUNTRIES.contains(&self.doc.slice(k + 1, e).as_str())
                    };
                    let city = |e: usize| {
                        e == k + 1 && abbreviation(&self.doc.tokens[e].text) == Some("Thành phố Hồ Chí Minh")
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
                let after_capital = self.doc.tokens[k - 1].capitalised && self.doc.joined(k);
                let lower_word = !t.capitalised && !t.all_caps && !t.has_digit;
                // A number right after a capitalised word is part of the name (`May 10`,
                // `Sông Đà 5`); counts and years are written otherwise (`2.000`, `năm 2024`).
                // Also after a capitalised compound's lower-case syllable (`Nhân dân 115`).
                let compound_before = k >= 2
                    && last_proper == Some(k - 2)
                    && self.doc.tokens[k - 2].capitalised
                    && self.compound_at(k - 2);
                let name_number = t.has_digit
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && t.text.len() <= 4
                    && (self.doc.tokens[k - 1].capitalised
                        || self.doc.tokens[k - 1].all_caps
                        || compound_before)
                    && self.doc.joined(k);
                let proper =
                    t.capitalised || t.all_caps || (t.has_digit && t.text.chars().any(char::is_alphabetic));
                if proper || name_number {
                    last_proper = Some(k);
                } else if t.has_digit {
                    break;
                } else if after_capital && !NEVER_INSIDE.contains(&t.lower.as_str()) {
                    // The lower-case second syllable of a capitalised compound (`Gạch men`,
                    // `Điện lực`): part of the name if the name goes on after it.
                } else if lexicon::index().connectors.contains(t.lower.as_str())
                    || lexicon::index().admin_words.contains(t.lower.as_str())
                {
                } else if lower_word && (self.bridges_to_place(k) || self.bridges_to_capital(k)) {
                    // `Trung tâm Dịch vụ việc làm Hà Nội`, `Quần thể danh thắng Tràng An`: a
                    // short lower-case stretch that leads on to a capital belongs to the name.
                } else {
                    break;
                }
                k += 1;
            }
            let end: usize = match (last_proper, complete) {
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
            if self.doc.sentence_start(i) && !complete && !own_proper && head_len <= 2 {
                i = head_end + 1;
                continue;
            }
            // `Cơ quan CSĐT`, `Phòng CSGT` alone: a unit of some police force, the text does
            // not say whose.
            let unit_of_nobody = end == head_end + 1
                && ["cơ quan", "phòng", "đội"].contains(&self.doc.slice(i, head_end).to_lowercase().as_str())
                && self.doc.tokens[end].all_caps
                && abbreviation(&self.doc.tokens[end].text).is_some();
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
                name: self.doc.slice(start, end),
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
                org.name = self.doc.slice(org.start, end);
            }
            // `Sở LĐ-TB&XH tỉnh` in a piece about one province is that province's.
            let mut place_named = None;
            if let Some((unit_end, place)) = self.bare_unit_after(org.end) {
                place_named = Some((unit_end - org.end, place));
                org.end = unit_end;
                org.name = self.doc.slice(org.start, unit_end);
            }
            org.alias = self.bracketed_alias(org.end);
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
                .map(|w| abbreviation(w).map_or_else(|| w.to_owned(), str::to_owned))
                .collect();
            let mut expanded = expanded.join(" ");
            if let Some((_, place)) = place_named {
                expanded = format!("{expanded} {place}");
            }
            if expanded != org.name {
                org.expanded = Some(expanded);
            }
        }
        orgs
    }

    /// Where a name that is a head and a purpose (`Quỹ Hỗ trợ`) ends once the purpose's object
    /// is read (`bệnh nhân ung thư`): up to four lower-case words, stopping at the predicate,
    /// a joining word or punctuation; `end` when the name is not of that shape.
    fn purpose_object(&self, head_end: usize, end: usize) -> usize {
        let verb = head_end + 1;
        // The name may have stopped at the verb's capitalised first syllable (`Quỹ Hỗ`).
        let purpose = (end == verb || end == verb + 1)
            && verb + 1 < self.n()
            && self.doc.tokens[verb].capitalised
            && lexicon::PURPOSE_VERBS.iter().any(|v| {
                let words: Vec<&str> = v.split(' ').collect();
                self.doc.words_at(verb, &words)
            });
        if !purpose {
            return end;
        }
        let end = verb + 1;
        let mut last = end;
        while last + 1 < self.n() && last + 1 - end <= 4 && self.doc.joined(last + 1) {
            let t = &self.doc.tokens[last + 1];
            let plain = !t.capitalised && !t.all_caps && !t.has_digit;
            if !plain || self.predicate_at(last + 1) || NEVER_INSIDE.contains(&t.lower.as_str()) {
                break;
            }
            last += 1;
        }
        last
    }

    /// The short name a body is given in brackets right after its full name, tokens
    /// `from..=to`: an abbreviation (`(LĐLĐ Bắc Ninh)`, `(EVNNPC)`) or one capitalised word that
    /// is no place (`(Viettel)`; `(Huế)` says where, not what).
    fn bracketed_alias(&self, end: usize) -> Option<(usize, usize)> {
        let from = end + 1;
        if from >= self.n() || self.doc.gap_before(from).trim() != "(" {
            return None;
        }
        let to = (from..self.n().min(from + 4)).find(|&t| t + 1 >= self.n() || !self.doc.joined(t + 1))?;
        let closes = if to + 1 < self.n() {
            self.doc.gap_before(to + 1).trim_start().starts_with(')')
        } else {
            self.doc.chars[self.doc.tokens[to].end..]
                .iter()
                .find(|c| !c.is_whitespace())
                == Some(&')')
        };
        let first = &self.doc.tokens[from];
        let abbreviation = first.all_caps && first.text.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let one_name = to == from && first.capitalised && !self.is_place(from, from);
        (closes && (abbreviation || one_name)).then_some((from, to))
    }

    fn extend_lower_tail(&self, org: &mut FoundOrg) {
        let lowercase = |t: usize| {
            let tok = &self.doc.tokens[t];
            !tok.capitalised && !tok.all_caps && !tok.has_digit && self.doc.joined(t)
        };
        let mut end = org.end;
        while end + 1 < self.n() && lowercase(end + 1) && self.compound_at(end) && !self.predicate_at(end + 1)
        {
            end += 1;
        }
        let next = end + 1;
        if next < self.n() && lowercase(next) {
            let tails = lexicon::index()
                .name_tails
                .starting_with(&self.doc.tokens[next].lower);
            if let Some(len) = self.doc.longest_at(next, tails) {
                end += len;
            }
        }
        org.end = end;
    }

    /// `Chủ tịch Liên đoàn Lao động thành phố Hà Nội Nguyễn Phi Thường`: the capitalised run
    /// at the end of an organisation may end in a person's name.
    fn split_trailing_name(&self, org: &mut FoundOrg, head_end: usize) {
        let end = org.end;
        if !self.doc.tokens[end].capitalised {
            return;
        }
        let mut run_start = end;
        while run_start > head_end + 1
            && self.doc.joined(run_start)
            && self.doc.tokens[run_start - 1].capitalised
        {
            run_start -= 1;
        }
        let titled = org.start > 0 && self.title_ends_at(org.start - 1);
        // `Chị Mỹ Hạnh – Bí thư Đoàn Thanh niên Khu công nghiệp Yên Phong cho biết`: a role
        // after a named person's dash ends in the body's name, not in another person's.
        if titled && (self.after_named_dash(org.start - 1) || self.after_named_comma(org.start - 1)) {
            return;
        }
        let has_proper_before = |s: usize| {
            (head_end + 1..s).any(|t| {
                let tok = &self.doc.tokens[t];
                tok.capitalised || tok.all_caps || tok.has_digit || self.name_tail_at(t).is_some()
            })
        };
        let mut best: Option<(u32, usize)> = None;
        for s in run_start..=end {
            let len = end - s + 1;
            // `Tổng Giám đốc Tổ chức Lao động Quốc tế Gilbert Houngbo`: after a title, a run
            // of words no Vietnamese syllable spells is a foreign person's name.
            let foreign = titled
                && (s == run_start || self.place_prefix(run_start, s - 1) == s - run_start)
                && (s..=end).all(|t| !newsroom_text::syllable::is_syllable(&self.doc.tokens[t].text));
            // `… xã Ea Tu Y Khoa Niê`, `… H'Hen Mlô`: an Ê Đê name opens with `Y` (men) or `H'`
            // (women) and ends with the clan's name.
            let first = &self.doc.tokens[s].text;
            let ede = (first == "Y" || first.starts_with("H'") || first.starts_with("H’"))
                && is_surname(&self.doc.tokens[end].text);
            if !(2..=4).contains(&len)
                || !(is_surname(&self.doc.tokens[s].text) || foreign || ede)
                || self.is_place(s, end)
                || self.after_place_word(s)
                || self.after_school_level(s)
            {
                continue;
            }
            // What stays must still be an organisation with a proper part — unless a title
            // comes first: `Chủ tịch Công đoàn cơ sở Lê Thị Hồng Nhung` names a person with
            // a role in a generic body (which is then no organisation of its own).
            if s <= head_end || (!has_proper_before(s) && !titled) {
                continue;
            }
            // `Giám đốc Công ty Xi măng Hoàng Thạch`: after a trade alone, two capitalised
            // words are the company's own name; a person would need the company's first.
            let trade_only = s > head_end + 1
                && lexicon::TRADES.contains(&self.doc.slice(head_end + 1, s - 1).to_lowercase().as_str());
            if trade_only && len == 2 {
                continue;
            }
            let place_before = s > run_start && self.place_prefix(run_start, s - 1) == s - run_start;
            if !(titled || place_before || len >= 3) {
                continue;
            }
            let middle = lexicon::index()
                .middle_names
                .contains(self.doc.tokens[s + 1].text.as_str());
            let score = 4 * u32::from(place_before) + 2 * u32::from(middle) + u32::from(len == 3);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s));
            }
        }
        if let Some((_, s)) = best {
            org.person_from = Some(s);
            // `Phó Chủ tịch Quốc hội Nguyễn Khắc Định`: a head that names one body of the
            // nation is that body even with no name after it.
            let head = self.doc.slice(org.start, head_end);
            let national = lexicon::NATIONAL_BODIES.contains(&head.as_str())
                || lexicon::NATIONAL_NAMES
                    .iter()
                    .any(|n| n.to_lowercase() == head.to_lowercase())
                || lexicon::named_alone(&head);
            org.generic = !has_proper_before(s) && !national;
        }
    }

    /// The `FC` that ends a run of capitalised words starting at `i` (the run's first word,
    /// not a word inside it), if there is one.
    /// `Sở LĐ-TB&XH tỉnh cần …`: a unit word right after a body's name with no name of its
    /// own, in a piece that names exactly one place of that unit (`tỉnh Thanh Hóa`), is that
    /// place. The unit's last token and the place's name.
    fn bare_unit_after(&self, end: usize) -> Option<(usize, String)> {
        const UNITS: &[&[&str]] = &[
            &["tỉnh"],
            &["thành", "phố"],
            &["huyện"],
            &["quận"],
            &["thị", "xã"],
        ];
        let unit = UNITS.iter().find(|words| {
            end + words.len() < self.n() && self.doc.joined(end + 1) && self.doc.words_at(end + 1, words)
        })?;
        let unit_end = end + unit.len();
        let named_after = |k: usize| {
            k + 1 < self.n() && self.doc.joined(k + 1) && {
                let next = &self.doc.tokens[k + 1];
                next.capitalised || next.all_caps || next.has_digit
            }
        };
        if named_after(unit_end) {
            return None;
        }
        let mut places: Vec<String> = Vec::new();
        for k in 0..self.n().saturating_sub(unit.len()) {
            let stop = k + unit.len() - 1;
            if !self.doc.words_at(k, unit) || !named_after(stop) || self.doc.tokens[k].capitalised {
                continue;
            }
            let mut last = stop + 1;
            while named_after(last) && self.doc.tokens[last + 1].capitalised {
                last += 1;
            }
            // `tỉnh Thanh Hóa Mai Xuân Liêm`: the run may go on into a person's name; a known
            // place inside it ends there.
            if let Some(known) = (stop + 1..=last).rev().find(|&e| {
                lexicon::index()
                    .places
                    .contains(self.doc.slice(stop + 1, e).as_str())
            }) {
                last = known;
            }
            let place = self.doc.slice(k, last);
            if !places.contains(&place) {
                places.push(place);
            }
        }
        match places.as_slice() {
            [one] => Some((unit_end, one.clone())),
            _ => None,
        }
    }

    /// `Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Hà Tĩnh`, `Hội Bảo trợ
    /// người khuyết tật và trẻ mồ côi Việt Nam`, `Tổng công ty Đầu tư phát triển nhà và đô thị
    /// (HUD)`: a name that describes what the body does goes on in lower case after its head,
    /// or after the head and one capitalised word of two syllables, for up to twelve words, when
    /// it ends in a unit of place and its name, a known place, or its abbreviation in brackets.
    /// The last lower-case word, and whether the bracket ends the name.
    fn descriptive_stretch(
        &self,
        head_end: usize,
        head_len: usize,
        last_proper: Option<usize>,
        k: usize,
    ) -> Option<(usize, bool)> {
        let after_head = last_proper.is_none() && k == head_end + 1 && head_len >= 2;
        // A ministry's or department's name is its field (`Sở Y tế`), never described on.
        let field_head = ["sở", "bộ", "cục", "tổng cục", "vụ", "chi cục"].contains(
            &self
                .doc
                .slice(head_end + 1 - head_len, head_end)
                .to_lowercase()
                .as_str(),
        );
        let after_word = !field_head
            && last_proper == Some(head_end + 1)
            && k == head_end + 3
            && self.doc.tokens[head_end + 1].capitalised
            && self.doc.joined(head_end + 2)
            && !self.doc.tokens[head_end + 2].capitalised;
        if !(after_head || after_word) {
            return None;
        }
        let mut e = k;
        while e < self.n() && e < k + 12 && self.doc.joined(e) {
            let t = &self.doc.tokens[e];
            if t.capitalised || t.all_caps || t.has_digit || !t.latin {
                break;
            }
            if lexicon::index().admin_words.contains(t.lower.as_str())
                && e + 1 < self.n()
                && self.doc.joined(e + 1)
                && self.doc.tokens[e + 1].capitalised
            {
                return (e > k).then_some((e - 1, false));
            }
            let stop =
                NEVER_INSIDE.contains(&t.lower.as_str()) && !["và", "cho", "các"].contains(&t.lower.as_str());
            if stop || self.predicate_at(e) || lexicon::index().honorific_words.contains(t.lower.as_str()) {
                return None;
            }
            e += 1;
        }
        if e == k || e >= self.n() {
            return None;
        }
        let gap = self.doc.gap_before(e);
        let t = &self.doc.tokens[e];
        if gap.trim() == "(" && t.all_caps && self.doc.chars.get(t.end) == Some(&')') {
            return Some((e - 1, true));
        }
        (self.doc.joined(e) && t.capitalised && self.place_prefix(e, self.run_from(e)) > 0)
            .then_some((e - 1, false))
    }

    /// Whether token `k` is a police or army unit's code in brackets with a name going on
    /// after it (`(PC02) Công an`, `(C08) Bộ Công an`).
    fn unit_code_at(&self, k: usize) -> bool {
        let t = &self.doc.tokens[k];
        let letters = t.text.chars().take_while(char::is_ascii_uppercase).count();
        let digits = t
            .text
            .chars()
            .skip(letters)
            .take_while(char::is_ascii_digit)
            .count();
        (1..=3).contains(&letters)
            && (2..=3).contains(&digits)
            && letters + digits == t.text.chars().count()
            && self.doc.gap_before(k) == " ("
            && k + 1 < self.n()
            && self.doc.gap_before(k + 1) == ") "
            && self.doc.tokens[k + 1].capitalised
    }

    /// Whether the name from `start` up to `before` is an international body's, a mission
    /// abroad or a court of appeal, which is named with the country or city it works in.
    fn office_abroad(&self, start: usize, before: usize) -> bool {
        const MISSIONS: &[&str] = &[
            "đại sứ quán",
            "tổng lãnh sự quán",
            "lãnh sự quán",
            "phái đoàn",
            "văn phòng đại diện",
            // Courts and prosecutors of appeal, named for the city they sit in.
            "tòa phúc thẩm",
            "tòa án nhân dân cấp cao",
            "tand cấp cao",
            "viện kiểm sát nhân dân cấp cao",
            "vksnd cấp cao",
        ];
        let name = self.doc.slice(start, before - 1);
        let lower = name.to_lowercase();
        MISSIONS.iter().any(|m| lower.starts_with(m))
            || lower.contains("liên hợp quốc")
            || lower.contains("quốc tế")
            || lower.contains("thế giới")
            || (start..before).any(|t| lexicon::ACRONYM_BODIES.contains(&self.doc.tokens[t].text.as_str()))
    }

    fn club_played_for(&self, i: usize) -> Option<usize> {
        const PLAYS_FOR: &[&[&str]] = &[
            &["chơi", "cho"],
            &["thi", "đấu", "cho"],
            &["khoác", "áo"],
            &["đầu", "quân", "cho"],
        ];
        let t = &self.doc.tokens[i];
        let after = PLAYS_FOR
            .iter()
            .any(|words| i >= words.len() && self.doc.joined(i) && self.doc.words_at(i - words.len(), words));
        if !after || !t.capitalised || self.head_at(i).is_some() || !self.titles_at(i).is_empty() {
            return None;
        }
        let mut end = i;
        while end + 1 < self.n() && self.doc.joined(end + 1) && {
            let next = &self.doc.tokens[end + 1];
            next.capitalised || next.all_caps
        } {
            end += 1;
        }
        // A country or a city after them is a national side or a place, not a club's name.
        let place = lexicon::index().places.contains(self.doc.slice(i, end).as_str());
        (!place).then_some(end)
    }

    fn club_ending(&self, i: usize) -> Option<usize> {
        let t = &self.doc.tokens[i];
        if !(t.capitalised || t.all_caps)
            || (i > 0 && self.doc.joined(i) && {
                let before = &self.doc.tokens[i - 1];
                before.capitalised || before.all_caps
            })
        {
            return None;
        }
        let mut k = i;
        while k + 1 < self.n() && self.doc.joined(k + 1) && k - i < 6 {
            let next = &self.doc.tokens[k + 1];
            if next.text == "FC" {
                return (k + 1 > i).then_some(k + 1);
            }
            if !(next.capitalised || next.all_caps) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether the head at `k` goes on with a name of its own (a capital, a number or a
    /// lower-case name word after it).
    fn named_head(&self, k: usize) -> bool {
        let Some((len, complete)) = self.head_at(k) else {
            return false;
        };
        let next = k + len;
        complete
            || next < self.n() && self.doc.joined(next) && {
                let t = &self.doc.tokens[next];
                t.capitalised
                    || t.all_caps
                    || lexicon::index().connectors.contains(t.lower.as_str())
                    || lexicon::index().admin_words.contains(t.lower.as_str())
            }
    }

    /// Whether the title ending at `title_end` comes right after `Name –`.
    fn after_named_dash(&self, title_end: usize) -> bool {
        let Some(start) = self.title_start_ending_at(title_end) else {
            return false;
        };
        start > 0 && self.doc.gap_before(start).contains(['–', '—']) && self.doc.tokens[start - 1].capitalised
    }

    /// Whether the title ending at `title_end` is an appositive after a person's name
    /// (`Bà Quách Thị Vân, Giám đốc HTX Rau sạch Văn Đức`): the person is named already, so
    /// the body's name does not end in another one (`Văn Đức` is the commune).
    fn after_named_comma(&self, title_end: usize) -> bool {
        let Some(start) = self.title_start_ending_at(title_end) else {
            return false;
        };
        if start == 0 || self.doc.gap_before(start).trim() != "," {
            return false;
        }
        let end = start - 1;
        let mut first = end;
        while first > 0 && self.doc.joined(first) && self.doc.tokens[first - 1].capitalised {
            first -= 1;
        }
        // `Bà`, `Ông` at the start of a sentence are capitalised but are no part of the name.
        while first < end
            && lexicon::index()
                .honorific_words
                .contains(self.doc.tokens[first].lower.as_str())
        {
            first += 1;
        }
        let len = end + 1 - first;
        self.doc.tokens[end].capitalised
            && (2..=4).contains(&len)
            && is_surname(&self.doc.tokens[first].text)
            && !self.is_place(first, end)
    }

    fn resolve_shared_tails(&self, orgs: &mut [FoundOrg]) {
        for a in 0..orgs.len() {
            if !orgs[a].bare || a + 1 >= orgs.len() {
                continue;
            }
            let and = orgs[a].end + 1;
            let b = &orgs[a + 1];
            let linked = and < self.n() && self.doc.tokens[and].lower == "và" && b.start == and + 1;
            // The bare head is marked by an empty name and no proper part; `b` must have one.
            if linked && !b.bare {
                let (b_head, _) = self.head_at(b.start).unwrap_or((1, false));
                let b_end = b.person_from.map_or(b.end, |p| p - 1);
                if b.start + b_head <= b_end {
                    let head = self.doc.slice(orgs[a].start, orgs[a].end);
                    let tail = self.doc.slice(b.start + b_head, b_end);
                    orgs[a].name = format!("{head} {tail}");
                }
            }
        }
    }
}
