import PlotlineCore

/// Tables flattened into text, as statistics releases come when copied from a web page or a
/// PDF: a header whose cells name units ("Income Level (Yuan)", "Nominal Growth Rate (%)", or
/// a line "Yuan" on its own), then rows of a label and one number per unit column, all on one
/// line or one cell a line. Numbers there have no unit beside them; the header gives it.
struct TableState {
    /// The units of the columns, in order; empty when no table is open.
    var units: [String] = []
    /// The row label read so far and which column the next number fills.
    var label: [String] = []
    var column = 0
    /// Numbers read into rows of this table so far.
    var rows = 0
    /// The period of the last short title line ("Income of Rural Residents in Poor Areas in
    /// the First Three Quarters of 2019").
    var titlePeriod: Period?
    var period: Period?
}

extension Extractor {
    /// Reads a line as part of a flattened table. Returns true when the line was a table's
    /// (header or body) and must not be read again as prose.
    func processTableLine(_ t: Tokens, _ bytes: UnsafeBufferPointer<UInt8>, _ state: inout DocumentState) -> Bool {
        guard !t.isEmpty else { return false }
        // Prose (a line that ends a sentence) is the common case: decided from its last token.
        let endsProse = t[t.count - 1].kind == .punct && Extractor.endsSentence(t[t.count - 1], bytes)
        if endsProse && state.table.units.isEmpty && t.count >= 12 { return false }
        var words = 0
        var numbers = 0
        var shaped = 0  // capitalized words and numbers: labels and cells
        for k in t.indices {
            if t[k].kind == .word { words += 1 }
            if t[k].kind == .number { numbers += 1 }
            if t[k].isCapitalized || t[k].kind == .number { shaped += 1 }
        }
        let prose = words >= 6 && endsProse
        // Table lines are title-case labels and numbers; "Hunan lifts 1.3 million out of
        // poverty in 2018" is a headline, and closes any table.
        let tableShaped = shaped * 10 >= (words + numbers) * 6
        if prose || !tableShaped {
            if !state.table.units.isEmpty { state.table = TableState() }
            return false
        }
        // A short line with a year and no table open may be the next table's title.
        if state.table.units.isEmpty,
            let at = t.indices.last(where: { t[$0].kind == .number && t[$0].text.count == 4 && (1900...2100).contains(Int(t[$0].text) ?? 0) })
        {
            let year = Int(t[at].text)!
            if let (from, to) = Extractor.partOfYear((max(0, at - 4)..<at).map { t[$0].lower }) {
                state.table.titlePeriod = .span(.month(year, from), .month(year, to))
            } else {
                state.table.titlePeriod = .year(year)
            }
        }
        var i = 0
        var header = false
        while i < t.count {
            if let (unit, end) = headerUnit(t, i) {
                if state.table.rows > 0 {
                    // A header after rows starts another table.
                    state.table = TableState(titlePeriod: state.table.titlePeriod)
                }
                if state.table.units.isEmpty { state.table.period = state.table.titlePeriod }
                state.table.units.append(unit)
                header = true
                i = end
                continue
            }
            guard !state.table.units.isEmpty else {
                i += 1
                continue
            }
            let k = state.table.units.count
            if t[i].kind == .number, !state.table.label.isEmpty, let v = Double(Extractor.withoutCommas(t[i].text)), v.isFinite {
                let negative = i >= 1 && !t[i].spaced && (t[i - 1].text == "-" || t[i - 1].text == "−")
                let first = negative ? i - 1 : i
                let unit = state.table.units[state.table.column % k]
                state.table.column += 1
                let labelText = state.table.label.joined(separator: " ")
                let metric = tableMetric(labelText, unit)
                state.facts.append(
                    Fact(
                        source: state.source, offset: state.base + t[first].start, length: t[i].end - t[first].start,
                        quote: Extractor.text(bytes, t[first].start, t[i].end), metric: metric, entity: "China",
                        period: state.table.period, value: negative ? -v : v, unit: unit, qualifier: "",
                        sentence: labelText))
                state.table.rows += 1
            } else if t[i].kind == .word {
                // A word after the row's numbers starts the next row's label.
                if state.table.column > 0 {
                    state.table.label = []
                    state.table.column = 0
                }
                state.table.label.append(t[i].text)
            }
            i += 1
        }
        return header || !state.table.units.isEmpty
    }

    /// A header cell's unit: "(Yuan)", "（%）", "Rate%" or a cell that is only a unit ("Yuan").
    private func headerUnit(_ t: Tokens, _ i: Int) -> (String, Int)? {
        let open = ["(", "（"]
        let close = [")", "）"]
        if open.contains(t[i].text), i + 2 < t.count, close.contains(t[i + 2].text) {
            if t[i + 1].text == "%" { return ("percent", i + 3) }
            if let u = unitPhrases[t[i + 1].lower], !u.isEmpty { return (u, i + 3) }
        }
        // "Nominal Growth Rate%": a per-cent sign glued to a word, not to a number.
        if t[i].text == "%", i >= 1, !t[i].spaced, t[i - 1].kind == .word { return ("percent", i + 1) }
        // A line that is a unit and nothing else ("Yuan").
        if t.count == 1, t[i].kind == .word, let u = unitPhrases[t[i].lower] { return (u, i + 1) }
        if t.count == 1, t[i].lower == "percent" { return ("percent", i + 1) }
        return nil
    }

    private func tableMetric(_ label: String, _ unit: String) -> String {
        let lowered = label.lowercased()
        for m in lexicon.metrics where m.units.contains(unit) || (unit.hasPrefix("yuan") && m.units.contains { $0.hasPrefix("yuan") }) {
            if m.cues.contains(where: { lowered.contains($0) }) { return m.id }
        }
        return Extractor.genericMetric(unit)
    }
}
