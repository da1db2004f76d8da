/// Literal and folded block scalars (`|`, `|-`, `|+`, `>`, `>-`, `>+`) for the fast scanner, following
/// libyaml's `yaml_parser_scan_block_scalar` step for step: the content indent is the deepest of the leading
/// empty lines and the first non-empty line (at least one past the enclosing block's), lines are folded or
/// kept as libyaml does, and the end mark is where libyaml's is — the start of the line after the last
/// line it consumed (empty lines included), or the end of the file. Explicit indentation indicators are
/// left to libyaml.
extension FastScanner {
    private struct BlockScalarState {
        var indent = 0
        var trailingBreaks = 0
        var end = SourceLocation(line: 0, column: 0)
        /// The first byte after the eaten indentation of the line the scanner stopped on, or `count`.
        var position = 0
    }

    mutating func blockScalar(at index: Int, blockIndent: Int) throws {
        let start = location(of: index)
        let literal = base[index] == UInt8(ascii: "|")
        var header = index + 1
        var chomping = 0
        if header < lineEnd, base[header] == UInt8(ascii: "+") || base[header] == UInt8(ascii: "-") {
            chomping = base[header] == UInt8(ascii: "+") ? 1 : -1
            header += 1
        }
        if header < lineEnd, base[header] != Self.space { throw Unsupported() }
        if lineHasTab { throw Unsupported() }
        try expectLineRest(from: header)
        try countNode()

        scratch.removeAll(keepingCapacity: true)
        var state = BlockScalarState()
        if lineEnd == count {
            // The header ends the file: libyaml's mark stays after it.
            state.end = location(of: lineEnd)
            state.position = count
        } else {
            try scanBreaks(&state, blockIndent: blockIndent)
        }
        var leadingBreak = false
        var leadingBlank = false
        while state.position < count, state.position - lineStart == state.indent {
            let first = base[state.position]
            let trailingBlank = first == Self.space || first == Self.tab
            if !literal, leadingBreak, !leadingBlank, !trailingBlank {
                if state.trailingBreaks == 0 { scratch.append(Self.space) }
            } else if leadingBreak {
                scratch.append(Self.newline)
            }
            leadingBreak = false
            appendBreaks(state.trailingBreaks)
            state.trailingBreaks = 0
            leadingBlank = trailingBlank
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + state.position, count: lineEnd - state.position))
            if lineEnd < count {
                leadingBreak = true
                try scanBreaks(&state, blockIndent: blockIndent)
            } else {
                state.end = location(of: lineEnd)
                state.position = count
            }
        }
        if chomping != -1, leadingBreak { scratch.append(Self.newline) }
        if chomping == 1 { appendBreaks(state.trailingBreaks) }
        guard scratch.count <= limits.maxScalarBytes else { throw Unsupported() }
        let value = scratch
        let end = state.end
        value.withUnsafeBufferPointer { bytes in
            builder.scalar(
                bytes: bytes, style: literal ? .literal : .folded, tag: nil, anchor: nil, start: start, end: end)
        }
        // The line the scalar stopped on is read again as ordinary content.
        if state.position < count {
            nextStart = lineStart
            nextLineNumber = lineNumber
        } else {
            nextStart = count
        }
    }

    private mutating func appendBreaks(_ breaks: Int) {
        for _ in 0..<breaks { scratch.append(Self.newline) }
    }

    /// libyaml's `yaml_parser_scan_block_scalar_breaks`, from the start of the next line: eats indentation
    /// and empty lines, fixing the indent on the first call, and leaves the scanner on the first line with
    /// content (or at the end of the file).
    private mutating func scanBreaks(_ state: inout BlockScalarState, blockIndent: Int) throws {
        var maxIndent = 0
        state.end = SourceLocation(line: lineNumber + 1, column: 1)
        while true {
            guard try advance() else {
                state.position = count
                break
            }
            var position = lineStart
            while state.indent == 0 || position - lineStart < state.indent, position < lineEnd,
                  base[position] == Self.space {
                position += 1
            }
            maxIndent = max(maxIndent, position - lineStart)
            if state.indent == 0 || position - lineStart < state.indent, position < lineEnd, base[position] == Self.tab {
                throw Unsupported()
            }
            if position == lineEnd, lineEnd < count {
                state.trailingBreaks += 1
                state.end = SourceLocation(line: lineNumber + 1, column: 1)
                continue
            }
            // A last line of spaces without a newline leaves libyaml at the end of the file.
            state.position = position == lineEnd ? count : position
            break
        }
        if state.indent == 0 {
            state.indent = max(maxIndent, blockIndent + 1, 1)
        }
    }
}
