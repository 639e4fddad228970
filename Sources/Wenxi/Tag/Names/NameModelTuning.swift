/// Tuning and tracing hooks of the name model, for evaluation scripts: the library reads no
/// environment; the `wenxi` command sets these from `WENXI_NAME_WEIGHTS` and `WENXI_NAME_DEBUG`
/// before it analyses anything. Set them before the first analysis, never during one.
///
/// Both are read at every scored candidate (several hundred thousand times on the corpus), so
/// their accesses are not checked for exclusivity at run time: `swift_beginAccess` on them was
/// 2.4% of the tag stage's instructions. Nothing writes them while a document is analysed.
package enum NameModelTuning {
    /// The weights the name model scores with.
    @exclusivity(unchecked) nonisolated(unsafe) package static var weights = NameFinder.Weights()
    /// Called with one line per scored candidate (`name-model 張善政 7.2`) when set.
    @exclusivity(unchecked) nonisolated(unsafe) package static var trace: ((String) -> Void)? = nil

    /// `weights` changed by a spec such as `threshold=6,single=2.5` (unknown names and values
    /// that are not numbers are ignored).
    package static func weights(from spec: String, base: NameFinder.Weights = NameFinder.Weights()) -> NameFinder.Weights {
        var w = base
        for kv in spec.split(separator: ",") {
            let p = kv.split(separator: "=")
            guard p.count == 2, let v = Float(p[1]) else { continue }
            switch p[0] {
            case "surname": w.surname = v
            case "threshold": w.threshold = v
            case "single": w.single = v
            case "crossPenalty": w.crossPenalty = v
            case "fusedEnd": w.fusedEnd = v
            case "wholeWord": w.wholeWord = v
            case "wholeWord3": w.wholeWord3 = v
            case "wholeWordContext": w.wholeWordContext = v
            case "latinPair": w.latinPair = v
            case "glossMean": w.glossMean = v
            case "titleOne": w.titleOne = v
            case "titleFloor": w.titleFloor = v
            case "listPersons": w.listPersons = v
            case "listFloor": w.listFloor = v
            case "pairFloor": w.pairFloor = v
            case "adjacentFloor": w.adjacentFloor = v
            case "singles": w.singles = v
            case "singlesGiven": w.singlesGiven = v
            case "bridge": w.bridge = v
            case "twoGiven": w.twoGiven = v
            case "encyclopedic": w.encyclopedic = v
            case "translitWord": w.translitWord = v
            case "knownShort": w.knownShort = v
            case "nearThreshold": w.nearThreshold = v
            case "nearAfter": w.nearAfter = v
            case "nearWord3": w.nearWord3 = v
            case "translitClause": w.translitClause = v
            case "givenWord": w.givenWord = v
            case "surnameWord": w.surnameWord = v
            case "afterSubject": w.afterSubject = v
            case "learned": w.learned = v
            case "title": w.title = v
            case "verb": w.verb = v
            case "punctBefore": w.punctBefore = v
            case "punctAfter": w.punctAfter = v
            case "list": w.list = v
            case "translitMean": w.translitMean = v
            case "translitDotMean": w.translitDotMean = v
            case "japanese": w.japanese = v
            default: break
            }
        }
        return w
    }
}
