/// A name a rule found (by its head: org-head, place-body, place-head, org-unit …) does not hold
/// the clause around it (issue 10, fourteenth session). The head rules take the characters before
/// a head up to a left edge they can see; when that edge is missed, the span starts with the
/// function word or verb that leads the clause, or runs across a verb into the object it governs:
///
/// - a first ICU word of class `span-lead` (使 任 以 在 被 把 …) or `span-verb` of `not-names.tsv`
///   is cut off the name: 使|日興證券公司 → 日興證券公司, 任|軍事科學院 → 軍事科學院, 以|靈山 → 靈山,
///   漫遊|佛灣 → 佛灣; what is left must be two characters or more for a place and three or more
///   for a body and not one ICU word, else the finding is dropped (使|參加|保險, 前往|醫院,
///   儘管|保險公司, 改善|村: a bare head);
/// - an ICU word of class `span-verb` further inside ends the finding: 紐約|開設|辦事處 (place-body),
///   法國|贏得|聯合會 (org-head), 台灣大學|任|物理系 (org-unit) are no names; the listed name before
///   the verb (紐約, 法國, 台灣大學) is tagged as the dictionary tags it.
///
/// Dictionary names are never touched, nor a quoted name (`quoted-body`: 「促進轉型正義委員會」
/// may hold any verb) nor a generic body. The verbs are those of events, motion and speech that
/// the names of organizations and places do not use (開設 贏得 擔任 前往 抵達 表示 宣布 …); the verbs
/// names do use (發展 促進 保護 管理 研究 投資 服務) are not listed.
enum SpanVerbRule {
    /// Rules whose names are not read here: a quoted name is the text's own, a generic body a listed form.
    static let skippedRules: Set<String> = ["quoted-body", "generic-body"]

    static func apply(_ doc: inout TaggingDocument) {
        let words = doc.lexicon.notNames
        let tokens = doc.tokens
        guard !words.spanVerbs.isEmpty, !tokens.isEmpty else { return }
        let f = doc.folded
        for i in doc.mentions.indices {
            let (s, e, type) = (doc.mentions[i].start, doc.mentions[i].end, doc.mentions[i].type)
            guard e - s >= 3, type == .agency || type == .organization || type == .place,
                  let rule = doc.mentions[i].rule, !skippedRules.contains(rule) else { continue }
            var t = doc.firstToken(atOrAfter: s)
            guard t < tokens.count, tokens[t].start == s else { continue }
            // Leading function words and verbs; not a character that begins a listed name (任|丘市:
            // 任丘市 is a city).
            var start = s
            while t < tokens.count, tokens[t].end < e, words.isSpanLead(f, tokens[t].start, tokens[t].end),
                  !startsListedName(doc, tokens[t].start, e) {
                start = tokens[t].end
                t += 1
            }
            // A verb inside what is left; not a character that begins a listed name (滄州市|任|丘|市|公安局).
            var verb: Int? = nil
            var k = t + 1
            while k < tokens.count, tokens[k].end <= e {
                if words.isSpanVerb(f, tokens[k].start, tokens[k].end), !startsListedName(doc, tokens[k].start, e) {
                    verb = tokens[k].start
                    break
                }
                k += 1
            }
            if let v = verb {
                doc.clear(s, e)
                addListedName(&doc, start, v)
            } else if start > s {
                // What is left must still be a name: two characters or more for a place (靈山,
                // 佛灣), three or more for a body (使|參加|保險 and 前往|醫院 leave a bare head).
                // A body left as one ICU word is its head alone (儘管|保險公司, 決意|到|醫院).
                let oneWord = type != .place && doc.wordEnd(startingAt: start) == e
                if e - start >= (type == .place ? 2 : 3) && !oneWord {
                    trim(&doc, i, to: start)
                } else {
                    doc.clear(s, e)
                }
            }
        }
    }

    /// True when a listed name (an entity's, not a cue word) of two characters or more (at most eight) starts at `start` and
    /// ends inside the span (before `end`): the function character is the name's first.
    static func startsListedName(_ doc: TaggingDocument, _ start: Int, _ end: Int) -> Bool {
        var k = start + 2
        while k <= min(end, start + 8) {
            // A name, not a cue word (抵達 and 批評 are verb cues of the person rules).
            if let p = doc.lexicon.patternIndex[doc.foldedString(start, k)], doc.lexicon.patternMentions[p].type != nil { return true }
            k += 1
        }
        return false
    }

    /// Moves the start of mention `i` to `start`, freeing the characters before it; a canonical
    /// that was the text (or starts with the characters cut) loses them too.
    static func trim(_ doc: inout TaggingDocument, _ i: Int, to start: Int) {
        let s = doc.mentions[i].start
        let cut = doc.string(s, start)
        for k in s..<start { doc.owner[k] = -1 }
        doc.mentions[i].start = start
        if let c = doc.mentions[i].canonical, c.hasPrefix(cut) {
            doc.mentions[i].canonical = String(c.unicodeScalars.dropFirst(cut.unicodeScalars.count))
        }
    }

    /// Tags `start..<end` as the dictionary tags it when it is exactly one listed name of a type
    /// (紐約 in 紐約|開設|辦事處); nothing otherwise.
    static func addListedName(_ doc: inout TaggingDocument, _ start: Int, _ end: Int) {
        guard end - start >= 2, doc.isFree(start, end),
              let p = doc.lexicon.patternIndex[doc.foldedString(start, end)] else { return }
        let named = doc.lexicon.patternMentions[p]
        guard let type = named.type, !named.candidates.isEmpty else { return }
        doc.add(Mention(start: start, end: end, type: type, candidates: named.candidates,
                        preferred: named.preferred ? named.candidates[0] : nil))
    }
}
