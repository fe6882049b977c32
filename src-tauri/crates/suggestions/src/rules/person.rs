//! People by rule: titles and honorifics before a name, `Name – Title` lists, surnames; each
//! with the role the text gives them.

use super::{is_surname, FoundOrg, FoundPerson, Rules};
use crate::lexicon;

impl Rules<'_, '_> {
    pub(super) fn people(&self, orgs: &[FoundOrg]) -> Vec<FoundPerson> {
        let mut org_at: Vec<Option<usize>> = vec![None; self.n()];
        for (index, o) in orgs.iter().enumerate() {
            org_at[o.start].get_or_insert(index);
        }
        let mut in_org = vec![false; self.n()];
        for o in orgs {
            in_org[o.start..=o.end].fill(true);
        }
        let mut people: Vec<FoundPerson> = Vec::new();
        let mut taken = vec![false; self.n()];
        let push = |people: &mut Vec<FoundPerson>, taken: &mut Vec<bool>, p: FoundPerson| {
            if (p.start..=p.end).any(|t| taken[t]) {
                return;
            }
            taken[p.start..=p.end].fill(true);
            people.push(p);
        };

        // A title, maybe an organisation, then the name.
        for org in orgs.iter().filter(|o| o.person_from.is_some()) {
            let from = org.person_from.expect("filtered");
            let mut name_end = from;
            while name_end + 1 < self.n()
                && self.doc.joined(name_end + 1)
                && self.doc.tokens[name_end + 1].capitalised
                && name_end - from < 4
            {
                name_end += 1;
            }
            let role_start = (org.start.saturating_sub(6)..org.start)
                .find(|&s| self.titles_at(s).iter().any(|len| s + len == org.start));
            let role = role_start.map(|s| self.doc.slice(self.first_of_titles(s), org.end).to_owned());
            push(
                &mut people,
                &mut taken,
                FoundPerson {
                    start: from,
                    end: name_end,
                    role,
                },
            );
        }
        for i in 0..self.n() {
            if !self.usable(i) || self.known[i] || in_org[i] {
                continue;
            }
            for len in self.titles_at(i) {
                let after = i + len;
                if after >= self.n() || !self.doc.joined(after) {
                    continue;
                }
                // `Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper`, `Bộ trưởng Ngoại giao Lào …`: a
                // post in a country, whose holder may bear a name of any language.
                let posting = if org_at[after].is_none() {
                    self.posting_after(after)
                } else {
                    None
                };
                // `Trưởng khoa Cấp cứu Bệnh viện …`: the title's last word begins the body.
                let body =
                    org_at[after].or_else(|| org_at[after - 1].filter(|&x| orgs[x].start == after - 1));
                // Whether the role names a post in a country, whose holder's name may be of any
                // language.
                let mut abroad = posting.is_some();
                let (role_end, name_start) = match body.map(|x| &orgs[x]) {
                    _ if posting.is_some() => {
                        let last = posting.expect("checked");
                        (last, Some(last + 1))
                    }
                    Some(org) if org.person_from.is_none() => {
                        // `Tổng Giám đốc Tập đoàn Dầu khí Việt Nam (Petrovietnam) Lê Mạnh Hùng`:
                        // the name comes after the body's short name in brackets.
                        let after_alias = org
                            .alias
                            .map(|(_, to)| to + 1)
                            .filter(|&next| next < self.n() && self.doc.gap_before(next) == ") ");
                        // `Cục trưởng Cục Việc làm (Bộ Nội vụ) Vũ Trọng Bình`: the body it belongs
                        // to in brackets, then the name.
                        let after_parent = (org.end + 1 < self.n()
                            && self.doc.gap_before(org.end + 1) == " (")
                            .then(|| orgs.iter().find(|b| b.start == org.end + 1))
                            .flatten()
                            .map(|b| b.end + 1)
                            .filter(|&next| next < self.n() && self.doc.gap_before(next) == ") ");
                        let after_alias = after_alias.or(after_parent);
                        // `Tổng Giám đốc Tổ chức Lao động Quốc tế (ILO) Gilbert Houngbo`: after a
                        // body's brackets, a name of any language.
                        abroad = after_alias.is_some_and(|p| {
                            let run = self.run_from(p);
                            (p..=run).all(|t| !newsroom_text::syllable::is_syllable(self.doc.tokens[t].text))
                        });
                        // `Trưởng Đại diện UNDP tại Việt Nam Ramla Khalidi`: the body's office in
                        // a country, then the name.
                        let office = (org.end + 2 < self.n()
                            && self.doc.tokens[org.end + 1].lower == "tại"
                            && self.doc.joined(org.end + 1))
                        .then(|| self.country_at(org.end + 2))
                        .flatten();
                        abroad |= office.is_some();
                        let role_end = office.unwrap_or(org.end);
                        let next = self.holder_after_la(role_end + 1);
                        let joined = next < self.n() && self.doc.joined(next);
                        (role_end, after_alias.or(joined.then_some(next)))
                    }
                    Some(_) => break,
                    None => match self
                        .team_after(after)
                        .or_else(|| self.generic_body_after(after))
                        .or_else(|| self.delegation_after(after))
                    {
                        // `Huấn luyện viên trưởng đội tuyển bóng đá nữ quốc gia Mai Đức Chung`:
                        // a body named in lower case between the title and the name.
                        Some(last) => (last, Some(last + 1)),
                        None => (after - 1, Some(after)),
                    },
                };
                // `Đại biểu Quốc hội tỉnh Nghệ An Nguyễn Thị Thu Hà`: a deputy's constituency
                // stands between the title and the name, and belongs to the role.
                let (role_end, name_start) = match name_start.and_then(|p| self.constituency_at(p)) {
                    Some(place_end) => (place_end, Some(place_end + 1)),
                    None => (role_end, name_start),
                };
                let Some(p) = name_start else { continue };
                if !self.doc.tokens[p].capitalised
                    || !(is_surname(self.doc.tokens[p].text) || abroad)
                    || in_org[p]
                {
                    continue;
                }
                let end = self.run_from(p).min(p + 4);
                if end == p || self.is_place(p, end) {
                    continue;
                }
                // A bare title before the name (`Thẩm phán X, Chánh án Tòa án…,`) gives way to
                // the fuller role the apposition after the name gives.
                let title_only = role_end + 1 == i + len && body.is_none();
                let apposition = if title_only {
                    self.role_after(end, orgs)
                } else {
                    None
                };
                let role =
                    apposition.or_else(|| Some(self.doc.slice(self.first_of_titles(i), role_end).to_owned()));
                push(&mut people, &mut taken, FoundPerson { start: p, end, role });
                break;
            }
        }

        // Honorifics: `ông Hà Lê Hoàn`, `chị Lan`.
        for i in 0..self.n() {
            if !self.usable(i) || self.known[i] {
                continue;
            }
            let t = &self.doc.tokens[i];
            // A capital inside a sentence makes `Bà`, `Anh` part of a name (`Bà Rịa`); ranks
            // are written with one (`…, Đại tá Nguyễn Văn Mạnh,`).
            let rank = || lexicon::RANKS.iter().any(|rank| self.doc.words_at(i, rank));
            if t.capitalised && !self.doc.sentence_start(i) && !rank() {
                continue;
            }
            let lex = lexicon::index();
            let strong = self.doc.longest_at(i, lex.honorifics.starting_with(t.lower));
            let weak = self.doc.longest_at(i, lex.weak_honorifics.starting_with(t.lower));
            let (len, is_weak) = match (strong, weak) {
                (Some(s), Some(w)) if w > s => (w, true),
                (Some(s), _) => (s, false),
                (None, Some(w)) => (w, true),
                (None, None) => continue,
            };
            let mut p = i + len;
            // `ngoại binh người Brazil Geovane`, `kỹ sư người Đức Thomas Müller`: the origin
            // between the trade and the name; `chuyên gia Nhật Bản Tanaka Hiroshi`: the country
            // alone, after a trade (not after `ông`, `chị`, whose names may look like one).
            let people_word = p + 2 < self.n() && self.doc.tokens[p].lower == "người" && self.doc.joined(p);
            let from = if people_word { p + 1 } else { p };
            let trade = !lexicon::KINSHIP_HONORIFICS
                .contains(&newsroom_text::lowercase(self.doc.slice(i, i + len - 1)).as_str());
            if (people_word || trade) && from < self.n() && self.doc.joined(from) {
                let origin = (from..self.n().min(from + 3)).rev().find(|&e| {
                    (from + 1..=e).all(|x| self.doc.joined(x))
                        && (people_word && self.is_place(from, e)
                            || lexicon::COUNTRIES.contains(&self.doc.slice(from, e))
                            || people_word
                                && e == from
                                && lexicon::NATIONALITIES.contains(&self.doc.tokens[from].text))
                });
                // `ca sĩ Mỹ Tâm`: after a country alone, a Vietnamese syllable is the name's own.
                if let Some(e) = origin.filter(|&e| {
                    e + 1 < self.n()
                        && self.doc.joined(e + 1)
                        && self.doc.tokens[e + 1].capitalised
                        && (people_word || !newsroom_text::syllable::is_syllable(self.doc.tokens[e + 1].text))
                }) {
                    p = e + 1;
                }
            }
            if p >= self.n() || !self.doc.joined(p) || !self.doc.tokens[p].capitalised || !self.usable(p) {
                continue;
            }
            if !self.doc.tokens[p].latin
                || in_org[p]
                || self.head_at(p).is_some()
                || !self.titles_at(p).is_empty()
            {
                continue;
            }
            let end = self.run_from(p).min(p + 4);
            if is_weak && (end == p || !is_surname(self.doc.tokens[p].text)) {
                continue;
            }
            // `nhà khoa học Việt nhận giải`: after a trade, `Việt` alone is the nation's word.
            if self.is_place(p, end) || trade && end == p && self.doc.tokens[p].text == "Việt" {
                continue;
            }
            let role =
                self.role_after(end, orgs)
                    .or_else(|| if is_weak { None } else { self.role_before_comma(i) });
            push(&mut people, &mut taken, FoundPerson { start: p, end, role });
            // `ngoại binh Geovane và Brandão`, `các cầu thủ Quang Hải, Tiến Linh và Văn Vĩ`:
            // the word before the first name serves the others.
            for (start, end) in self.names_listed_after(end, &in_org) {
                push(
                    &mut people,
                    &mut taken,
                    FoundPerson {
                        start,
                        end,
                        role: None,
                    },
                );
            }
        }

        // Bare names: a capitalised run beginning with a Vietnamese surname.
        let mut i = 0;
        while i < self.n() {
            if !self.usable(i) || self.known[i] || in_org[i] || !self.doc.tokens[i].capitalised {
                i += 1;
                continue;
            }
            let run_end = self.run_from(i);
            let mut s = i + self.place_prefix(i, run_end);
            // `Ông Nguyễn Văn A` at a sentence start: the honorific is not part of the name.
            while s <= run_end
                && lexicon::index()
                    .honorific_words
                    .contains(self.doc.tokens[s].lower)
            {
                s += 1;
            }
            let first_surname =
                (s..=run_end).find(|&t| is_surname(self.doc.tokens[t].text) || self.opens_name(t, run_end));
            // `Bí thư Đoàn xã Krông Nô Y Sơn Niê`: an Ê Đê name opens with `Y` (men) or `H'`
            // (women) and ends with the clan's name, wherever the run began.
            let ede = (s..run_end).find(|&t| {
                let text = self.doc.tokens[t].text;
                (text == "Y" || text.starts_with("H'") || text.starts_with("H’"))
                    && (t + 1..=run_end.min(t + 3))
                        .any(|e| e == run_end && is_surname(self.doc.tokens[e].text))
            });
            s = match (first_surname, ede) {
                (Some(f), Some(e)) if e < f || f == run_end => e,
                (Some(f), _) => f,
                (None, Some(e)) => e,
                (None, None) => run_end + 1,
            };
            let end = run_end.min(s + 4);
            let len = end.saturating_sub(s) + 1;
            let clear = s <= run_end
                && (s..=end).all(|t| !in_org[t] && !self.known[t] && self.usable(t))
                && !self.quoted(i, run_end)
                && !self.after_locative(i)
                && !self.after_place_word(s);
            // `đèo Phu La Nhích`: a short tail of a run that a place word opens, after words
            // that are no known place, is still the place's name.
            let place_tail =
                s > i && len <= 2 && self.after_place_word(i) && self.place_prefix(i, s - 1) < s - i;
            if clear && !place_tail && len >= 2 && !self.is_place(s, end) && self.head_at(s).is_none() {
                let role = self.role_after(end, orgs);
                push(&mut people, &mut taken, FoundPerson { start: s, end, role });
            } else if s > run_end {
                if let Some(f) = self.foreign_name_with_title(i, run_end, &in_org) {
                    let role = self.role_after(run_end, orgs);
                    push(
                        &mut people,
                        &mut taken,
                        FoundPerson {
                            start: f,
                            end: run_end,
                            role,
                        },
                    );
                }
            }
            i = run_end + 1;
        }
        // `cuốn sách "Trần Hưng Đạo và những trận đánh"`: a name in a work's quoted title is
        // the work's subject, not a person in the story.
        people.retain(|p| !self.in_work_title(p.start));
        people.sort_by_key(|p| p.start);
        people
    }

    /// `Theo Peter Ryder, CEO của Indochina Capital, …`: the end of a capitalised run that no
    /// Vietnamese syllable spells, two or three words that name no place, brand or body, with
    /// a title right after its comma, is a foreign person's name. Where it starts.
    fn foreign_name_with_title(&self, i: usize, run_end: usize, in_org: &[bool]) -> Option<usize> {
        let titled = run_end + 1 < self.n()
            && self.doc.gap_before(run_end + 1) == ", "
            && !self.titles_at(run_end + 1).is_empty();
        if !titled {
            return None;
        }
        let foreign = |t: usize| !newsroom_text::syllable::is_syllable(self.doc.tokens[t].text);
        let mut f = run_end + 1;
        while f > i && foreign(f - 1) {
            f -= 1;
        }
        let named = (2..=3).contains(&(run_end + 1 - f))
            && (f..=run_end).all(|t| {
                !in_org[t]
                    && !self.known[t]
                    && self.usable(t)
                    && !lexicon::named_alone(self.doc.tokens[t].text)
            })
            && self.place_prefix(f, run_end) == 0
            && !lexicon::COUNTRIES.contains(&self.doc.slice(f, run_end));
        named.then_some(f)
    }

    /// The names listed after a name ending at `end`: `A và B`, or `A, B, C và D`, each a
    /// capitalised run of one to three words that names no place, body or title. A list
    /// with commas counts only when it closes with `và`: a comma alone may open anything.
    fn names_listed_after(&self, end: usize, in_org: &[bool]) -> Vec<(usize, usize)> {
        let mut names = Vec::new();
        let mut last = end;
        loop {
            let and = last + 2 < self.n()
                && self.doc.tokens[last + 1].lower == "và"
                && self.doc.joined(last + 1)
                && self.doc.joined(last + 2);
            let p = if and {
                last + 2
            } else if last + 1 < self.n() && self.doc.gap_before(last + 1) == ", " {
                last + 1
            } else {
                break;
            };
            let Some(name) = self.listed_name(p, in_org) else {
                break;
            };
            names.push(name);
            last = name.1;
            if and {
                return names;
            }
        }
        Vec::new()
    }

    /// A name in a list at token `p` (see [`Self::names_listed_after`]).
    fn listed_name(&self, p: usize, in_org: &[bool]) -> Option<(usize, usize)> {
        if p >= self.n() {
            return None;
        }
        let tok = &self.doc.tokens[p];
        if !tok.capitalised || !tok.latin || !self.usable(p) || in_org[p] || self.head_at(p).is_some() {
            return None;
        }
        let last = self.run_from(p);
        let clear = last - p < 3
            && self.titles_at(p).is_empty()
            && !self.is_place(p, last)
            && self.place_prefix(p, last) == 0
            && (p..=last).all(|t| !in_org[t] && !self.known[t]);
        clear.then_some((p, last))
    }

    /// Whether token `i` is inside a quoted title that a word for a work introduces (`phim`,
    /// `sách`, `bài hát` … then `"…"` or `“…”`).
    fn in_work_title(&self, i: usize) -> bool {
        for t in (0..=i).rev() {
            let gap = self.doc.gap(t);
            if gap.iter().any(|c| matches!(c, '.' | '!' | '?' | '\n' | '”')) {
                return false;
            }
            // A straight quote right before the token opens; right after the last one, closes.
            let opens = gap.last().is_some_and(|c| matches!(c, '"' | '“'));
            if gap.first().is_some_and(|c| *c == '"') && !opens && t > 0 {
                return false;
            }
            if opens {
                return t > 0 && lexicon::WORK_WORDS.contains(&self.doc.tokens[t - 1].lower);
            }
        }
        false
    }

    /// The last token of a lower-case body (1–7 words, no predicate) that runs from `k` to a
    /// full name (a surname and at least one more capitalised word).
    /// The last token of a unit of place and its name starting at `k` (`tỉnh Nghệ An`, `TP
    /// Hà Nội`) when a deputy's title ends right before it.
    fn constituency_at(&self, k: usize) -> Option<usize> {
        let deputy = k >= 2
            && (self.doc.words_at(k - 2, &["quốc", "hội"])
                || self.doc.tokens[k - 1].lower == "hđnd"
                || self.doc.words_at(k - 2, &["đại", "biểu"]));
        if !deputy
            || k >= self.n()
            || !self.doc.joined(k)
            || !lexicon::index().admin_words.contains(self.doc.tokens[k].lower)
        {
            return None;
        }
        (k + 1..self.n().min(k + 5)).rev().find(|&e| {
            (k + 1..=e).all(|t| self.doc.joined(t) && self.doc.tokens[t].capitalised)
                && (self.is_place(k + 1, e) || self.is_place(k, e))
        })
    }

    /// `Trưởng đoàn Thể thao Việt Nam Nguyễn Hồng Minh`: a capitalised run with no head word
    /// that ends in a country, right before a name (a surname and more), is what the title
    /// heads. Its last token.
    fn delegation_after(&self, k: usize) -> Option<usize> {
        if k >= self.n()
            || !self.doc.joined(k)
            || !self.doc.tokens[k].capitalised
            || self.head_at(k).is_some()
        {
            return None;
        }
        // The capitalised words, with the lower-case second syllables of title-cased words
        // (`Thể thao`), up to six.
        let mut end = k;
        while end + 1 < self.n() && end - k < 6 && self.doc.joined(end + 1) {
            let next = &self.doc.tokens[end + 1];
            let second_syllable = !next.all_caps && !next.has_digit && self.compound_at(end);
            if !(next.capitalised || second_syllable) {
                break;
            }
            end += 1;
        }
        (k + 1..=end).find_map(|name| {
            let country_end = name - 1;
            let named = is_surname(self.doc.tokens[name].text)
                && self.doc.tokens[name].capitalised
                && self.run_from(name) > name;
            let country =
                (k + 1..=country_end).any(|c| lexicon::COUNTRIES.contains(&self.doc.slice(c, country_end)));
            (named && country && !self.is_place(k, country_end)).then_some(country_end)
        })
    }

    fn generic_body_after(&self, k: usize) -> Option<usize> {
        let lowercase = |t: usize| {
            let tok = &self.doc.tokens[t];
            !tok.capitalised
                && !tok.all_caps
                && !tok.has_digit
                && self.doc.joined(t)
                && !super::NEVER_INSIDE.contains(&tok.lower)
                && !lexicon::index().honorific_words.contains(tok.lower)
                && !self.predicate_at(t)
        };
        let mut last = None;
        let mut t = k;
        while t < self.n() && t - k < 7 && lowercase(t) {
            last = Some(t);
            t += 1;
        }
        let last = last?;
        let name = last + 1;
        (name < self.n()
            && self.doc.joined(name)
            && self.doc.tokens[name].capitalised
            && is_surname(self.doc.tokens[name].text)
            && self.run_from(name) > name)
            .then_some(last)
    }

    /// Where a run of titles joined by commas ends at the title starting at `i` begins:
    /// `Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố … Nguyễn Văn Phong` holds
    /// both offices; so does `… kiêm …`. A title is taken back only when the words between it
    /// and `i` run unbroken to the comma.
    fn first_of_titles(&self, i: usize) -> usize {
        let mut first = i;
        loop {
            // `Chủ tịch LĐLĐ tỉnh kiêm Phó Chủ tịch UBND tỉnh …`: the post held with this one.
            let kiem = first >= 2 && self.doc.tokens[first - 1].lower == "kiêm" && self.doc.joined(first);
            let comma = first > 0 && self.doc.gap_before(first).trim() == ",";
            if !(kiem || comma) {
                break;
            }
            let comma = if kiem { first - 1 } else { first };
            let Some(s) = (comma.saturating_sub(10)..comma).find(|&s| {
                !self.titles_at(s).is_empty()
                    // `Trả lời đại biểu, Giám đốc Sở …`: a lower-case title before a capitalised
                    // one is the sentence's object, not the same person's first post.
                    && (self.doc.tokens[s].capitalised || !self.doc.tokens[i].capitalised)
                    && (s == 0 || !self.doc.joined(s) || self.doc.sentence_start(s) || {
                        let before = &self.doc.tokens[s - 1];
                        !before.capitalised && !before.all_caps
                    })
                    && (s + 1..comma).all(|t| self.doc.joined(t))
            }) else {
                break;
            };
            first = s;
        }
        first
    }

    /// `Giám đốc Công ty … là ông Lê Văn Minh`: where the name begins after `là` and an
    /// honorific; `next` itself otherwise.
    fn holder_after_la(&self, next: usize) -> usize {
        if next + 1 >= self.n() || self.doc.tokens[next].lower != "là" || !self.doc.joined(next + 1) {
            return next;
        }
        let after = next + 1;
        let honorific = self
            .doc
            .longest_at(
                after,
                lexicon::index()
                    .honorifics
                    .starting_with(self.doc.tokens[after].lower),
            )
            .unwrap_or(0);
        if after + honorific < self.n() && self.doc.joined(after + honorific) {
            after + honorific
        } else {
            next
        }
    }

    /// Whether token `t` opens a name by its shape where no surname list says so: `Phó`
    /// before a middle name (`Phó Đức Phương`; `Phó Chủ tịch` is a title), or a Korean family
    /// name before a hyphenated given name (`Park Hang-seo`, `Son Heung-min`).
    fn opens_name(&self, t: usize, run_end: usize) -> bool {
        if t >= run_end {
            return false;
        }
        let (this, next) = (&self.doc.tokens[t], &self.doc.tokens[t + 1]);
        if this.text == "Phó" {
            return lexicon::index().middle_names.contains(next.text) && self.titles_at(t).is_empty();
        }
        let korean_given = next.text.split_once('-').is_some_and(|(a, b)| {
            let mut first = a.chars();
            first.next().is_some_and(|c| c.is_ascii_uppercase())
                && first.all(|c| c.is_ascii_lowercase())
                && !b.is_empty()
                && b.chars().all(|c| c.is_ascii_lowercase())
        });
        korean_given && this.text.len() <= 5 && this.text.chars().all(|c| c.is_ascii_alphabetic())
    }

    /// The last token of a place (a country) of one to three words at `from`.
    fn country_at(&self, from: usize) -> Option<usize> {
        if from >= self.n() || !self.doc.joined(from) {
            return None;
        }
        let run = self.run_from(from).min(from + 2);
        (from..=run).rev().find(|&e| self.is_place(from, e))
    }

    /// The last token of a post in a country after a title (`Hoa Kỳ tại Việt Nam`, `Ngoại
    /// giao Lào`), when a capitalised name follows it.
    fn posting_after(&self, k: usize) -> Option<usize> {
        let mut at = k;
        // A ministry's short name after `Bộ trưởng`.
        if let Some(token) = self.doc.tokens.get(at) {
            let ministries = lexicon::index().ministries.starting_with(token.lower);
            at += self.doc.longest_at(at, ministries).unwrap_or(0);
        }
        let country = |from: usize| self.country_at(from);
        let mut last = match country(at) {
            Some(last) => last,
            // `Thứ trưởng Ngoại giao Lê Thị Thu Hằng`: the ministry of the country the
            // piece is written in.
            None if at > k && at < self.n() && is_surname(self.doc.tokens[at].text) => at - 1,
            None => return None,
        };
        if last + 2 < self.n() && self.doc.tokens[last + 1].lower == "tại" && self.doc.joined(last + 1) {
            // `Tổng Lãnh sự Việt Nam tại Osaka`: a foreign city, one word no Vietnamese
            // syllable spells, when no known place is there.
            let city = last + 2;
            let foreign_city = self.doc.joined(city)
                && self.doc.tokens[city].capitalised
                && !newsroom_text::syllable::is_syllable(self.doc.tokens[city].text);
            last = country(city).or(foreign_city.then_some(city))?;
        }
        let name = last + 1;
        (name < self.n() && self.doc.joined(name) && self.doc.tokens[name].capitalised).then_some(last)
    }

    /// A capitalised run in quotation marks is the title of a work (`"Quan Âm Thị Kính"`).
    fn quoted(&self, start: usize, end: usize) -> bool {
        let opens = self.doc.gap_before(start).ends_with(['"', '“', '«']);
        let closes = end + 1 >= self.n() || self.doc.gap_before(end + 1).starts_with(['"', '”', '»']);
        opens && closes
    }

    /// `ở Lục Ngạn`, `tại Yên Phong`: a name after a word of place is a place.
    fn after_locative(&self, start: usize) -> bool {
        start > 0
            && self.doc.joined(start)
            && matches!(
                self.doc.tokens[start - 1].lower,
                "ở" | "tại" | "từ" | "về" | "qua" | "sang"
            )
    }
}
