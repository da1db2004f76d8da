import CLibYAML

/// The floor every loader figure is measured against: libyaml's event loop with no Swift objects built.
enum BareLibYAML {
    /// Parses every file and returns the number of events (so the work cannot be optimised away).
    static func countEvents(_ files: [[UInt8]]) -> Int {
        var total = 0
        for bytes in files { total += countEvents(bytes) }
        return total
    }

    static func countEvents(_ bytes: [UInt8]) -> Int {
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                yaml_event_delete(&event)
                count += 1
                if type == YAML_STREAM_END_EVENT || type == YAML_NO_EVENT { break }
            }
        }
        return count
    }
}
