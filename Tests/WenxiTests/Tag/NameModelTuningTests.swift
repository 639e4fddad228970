import Testing
@testable import WenxiCore
@testable import Wenxi

@Suite("Tag: name-model tuning hooks")
struct NameModelTuningTests {
    @Test(arguments: [
        ("threshold=6,single=2.5", Float(6), Float(2.5)),
        ("single=1", NameFinder.Weights().threshold, Float(1)),
        ("threshold=x,nothing=3,single", NameFinder.Weights().threshold, NameFinder.Weights().single),
    ])
    func specChangesOnlyWhatItNames(_ spec: String, _ threshold: Float, _ single: Float) {
        let w = NameModelTuning.weights(from: spec)
        #expect(w.threshold == threshold)
        #expect(w.single == single)
        #expect(w.title == NameFinder.Weights().title)
    }

    // The encyclopedic weights (issue 9) are tunable by name too.
    @Test func encyclopedicWeights() {
        let w = NameModelTuning.weights(from: "encyclopedic=2,translitWord=4,knownShort=5")
        #expect(w.encyclopedic == 2)
        #expect(w.translitWord == 4)
        #expect(w.knownShort == 5)
    }

    // The near-threshold band and the clause-subject cue are tunable by name.
    @Test func nearThresholdWeights() {
        let w = NameModelTuning.weights(from: "nearThreshold=2,nearAfter=1,nearWord3=1,translitClause=3")
        #expect(w.nearThreshold == 2)
        #expect(w.nearAfter == 1)
        #expect(w.nearWord3 == 1)
        #expect(w.translitClause == 3)
    }

    /// The library itself reads no environment: the defaults are in force unless the command
    /// (or a program) sets the hooks.
    @Test func defaultsUnlessSet() {
        #expect(NameModelTuning.weights.threshold == NameFinder.Weights().threshold)
        #expect(NameModelTuning.trace == nil)
    }
}
