/// CPU seconds spent in each stage of the pipeline: where the time of a run goes
/// (`wenxi analyze --timings`, `scripts/bench`). Recorded only when asked for, since each lap
/// reads the thread's CPU clock (a system call).
public struct StageTimes: Sendable, Equatable {
    /// A stage of the pipeline, in running order.
    public enum Stage: Int, CaseIterable, Sendable {
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
        public var name: String {
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
    public private(set) var seconds = [Double](repeating: 0, count: Stage.allCases.count)
    /// Documents the times cover.
    public var documents = 0

    /// All zero.
    public init() {}

    /// CPU seconds of `stage`.
    public subscript(stage: Stage) -> Double { seconds[stage.rawValue] }

    /// CPU seconds of all stages.
    public var total: Double { seconds.reduce(0, +) }

    /// Adds `s` seconds to `stage`.
    public mutating func add(_ stage: Stage, _ s: Double) { seconds[stage.rawValue] += s }

    /// Adds another worker's times (and documents).
    public mutating func merge(_ other: StageTimes) {
        for i in seconds.indices { seconds[i] += other.seconds[i] }
        documents += other.documents
    }
}

/// Laps of the thread CPU clock, added to a `StageTimes`.
public struct StageClock {
    private var last = threadCPUSeconds()

    /// A clock whose first lap starts now.
    public init() {}

    /// Starts the next lap now (time since the last lap is not counted).
    public mutating func restart() { last = threadCPUSeconds() }

    /// Adds the CPU time since the last lap to `stage` of `times`, and starts the next lap.
    public mutating func lap(_ stage: StageTimes.Stage, into times: inout StageTimes) {
        let now = threadCPUSeconds()
        times.add(stage, now - last)
        last = now
    }
}
