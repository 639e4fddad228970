/// CPU seconds spent in each stage of the pipeline: where the time of a run goes
/// (`wenxi analyze --timings`, `scripts/bench`). Recorded only when asked for, since each lap
/// reads the thread's CPU clock (a system call).
package struct StageTimes: Sendable, Equatable {
    /// A stage of the pipeline, in running order.
    package enum Stage: Int, CaseIterable, Sendable {
        /// Reading the input (file, stdin or stream line) into memory.
        case read
        /// Decoding, front matter, HTML extraction, normalisation, SHA-256.
        case ingest
        /// ICU sentence and word break on the headline and body, with our repairs.
        case segment
        /// Dictionary entities (automaton, context, cue rules).
        case tag
        /// Money, numbers, dates, byline and credits.
        case amounts
        /// Related-link titles (segmented and tagged on their own).
        case related
        /// Merging, token re-cutting, sentence texts, summaries.
        case assemble
        /// Writing the report's JSON.
        case encode

        /// The name `--timings` prints.
        package var name: String {
            switch self {
            case .read: "read"
            case .ingest: "ingest"
            case .segment: "segment"
            case .tag: "tag"
            case .amounts: "amounts"
            case .related: "related"
            case .assemble: "assemble"
            case .encode: "encode"
            }
        }
    }

    /// CPU seconds per stage, indexed by `Stage.rawValue`.
    package private(set) var seconds = [Double](repeating: 0, count: Stage.allCases.count)
    /// Documents the times cover.
    package var documents = 0

    /// All zero.
    package init() {}

    /// CPU seconds of `stage`.
    package subscript(stage: Stage) -> Double { seconds[stage.rawValue] }

    /// CPU seconds of all stages.
    package var total: Double { seconds.reduce(0, +) }

    /// Adds `s` seconds to `stage`.
    package mutating func add(_ stage: Stage, _ s: Double) { seconds[stage.rawValue] += s }

    /// Adds another worker's times (and documents).
    package mutating func merge(_ other: StageTimes) {
        for i in seconds.indices { seconds[i] += other.seconds[i] }
        documents += other.documents
    }
}

/// Laps of the thread CPU clock, added to a `StageTimes`.
package struct StageClock {
    private var last = threadCPUSeconds()

    /// A clock whose first lap starts now.
    package init() {}

    /// Starts the next lap now (time since the last lap is not counted).
    package mutating func restart() { last = threadCPUSeconds() }

    /// Adds the CPU time since the last lap to `stage` of `times`, and starts the next lap.
    package mutating func lap(_ stage: StageTimes.Stage, into times: inout StageTimes) {
        let now = threadCPUSeconds()
        times.add(stage, now - last)
        last = now
    }
}
