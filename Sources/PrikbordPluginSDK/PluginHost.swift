/// What the kiosk does for a plugin on request: rebuild its blocks, or
/// open the on-screen keyboard for a text field.
@MainActor
public protocol PluginHost: AnyObject {
    /// The plugin's content changed: call `makeBlocks` again, keeping the
    /// scroll position where it still fits.
    func reloadScreen()

    /// Shows the keyboard; every edit calls `onChange` with the whole text.
    func beginTextEntry(_ text: String, onChange: @escaping (String) -> Void)

    func endTextEntry()
}

extension PluginContext {
    public func reloadScreen() { host?.reloadScreen() }

    public func beginTextEntry(_ text: String, onChange: @escaping (String) -> Void) {
        host?.beginTextEntry(text, onChange: onChange)
    }

    public func endTextEntry() { host?.endTextEntry() }
}
