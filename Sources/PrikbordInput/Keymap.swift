import CXKBCommon

/// Turns evdev key codes into typed characters for a keyboard layout, with
/// xkbcommon: what a hardware keyboard or a badge reader typing its id means.
///
/// Keeps the modifier state (Shift, AltGr, Caps Lock) between keys, so feed it
/// every key, down and up, of every keyboard on the seat.
public final class Keymap {
    private let context: OpaquePointer
    private let keymap: OpaquePointer
    private let state: OpaquePointer

    /// evdev key codes are XKB key codes less 8, a leftover of X11.
    private static let evdevOffset: UInt32 = 8

    /// - Parameters:
    ///   - layout: an XKB layout name such as `us`, `nl`, `pl` or `ru`; nil takes
    ///     `XKB_DEFAULT_LAYOUT` from the environment, else `us`.
    ///   - variant: an XKB variant of that layout, e.g. `intl`.
    public init(layout: String? = nil, variant: String? = nil) throws(InputError) {
        guard let context = xkb_context_new(XKB_CONTEXT_NO_FLAGS) else {
            throw InputError(call: "xkb_context_new")
        }
        let keymap = Self.compile(context, layout: layout, variant: variant)
        guard let keymap, let state = xkb_state_new(keymap) else {
            if let keymap { xkb_keymap_unref(keymap) }
            xkb_context_unref(context)
            throw InputError(call: "xkb_keymap_new_from_names", subject: layout ?? "default")
        }
        self.context = context
        self.keymap = keymap
        self.state = state
    }

    deinit {
        xkb_state_unref(state)
        xkb_keymap_unref(keymap)
        xkb_context_unref(context)
    }

    /// Updates the modifiers for a key going down or up and returns the text
    /// a press types, or nil for modifiers, releases and control keys (Enter,
    /// Backspace, Escape: the UI reads those as keys).
    public func text(forKey code: UInt32, pressed: Bool) -> String? {
        let key = code + Self.evdevOffset
        // The text depends on the modifiers before this key changes them.
        let typed = pressed ? utf8(key) : nil
        xkb_state_update_key(state, key, pressed ? XKB_KEY_DOWN : XKB_KEY_UP)

        guard let typed, typed.unicodeScalars.allSatisfy({ !isControl($0) }) else {
            return nil
        }
        return typed.isEmpty ? nil : typed
    }

    /// Whether holding `code` down repeats it, as the layout says: letters
    /// and Backspace do, Shift and Enter do not.
    public func repeats(key code: UInt32) -> Bool {
        xkb_keymap_key_repeats(keymap, code + Self.evdevOffset) != 0
    }

    // TODO: dead keys and compose (xkb_compose) to type accents on a hardware keyboard.
    // The on-screen keyboard offers accents itself.
    private func utf8(_ key: UInt32) -> String {
        let length = Int(xkb_state_key_get_utf8(state, key, nil, 0))
        guard length > 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: length + 1)
        _ = buffer.withUnsafeMutableBufferPointer {
            $0.withMemoryRebound(to: CChar.self) {
                xkb_state_key_get_utf8(state, key, $0.baseAddress, $0.count)
            }
        }
        return String(decoding: buffer.prefix(length), as: UTF8.self)
    }

    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func compile(
        _ context: OpaquePointer, layout: String?, variant: String?
    ) -> OpaquePointer? {
        withOptionalCString(layout) { layout in
            withOptionalCString(variant) { variant in
                // Null fields fall back to XKB_DEFAULT_* and then the built-in
                // defaults, as the xkbcommon manual describes.
                var names = xkb_rule_names(
                    rules: nil, model: nil, layout: layout, variant: variant, options: nil
                )
                return xkb_keymap_new_from_names(context, &names, XKB_KEYMAP_COMPILE_NO_FLAGS)
            }
        }
    }
}

private func withOptionalCString<R>(
    _ string: String?, _ body: (UnsafePointer<CChar>?) -> R
) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
