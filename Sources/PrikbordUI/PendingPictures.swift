/// Whether the block being drawn missed a picture that is still on its way.
///
/// Photos are decoded off the UI thread. The host sets ``missed`` when a
/// block asks for one that is not ready; the list notes that block and
/// repaints it when the host reports that pictures arrived
/// (``ListView/repaintWaiting(on:)``).
@MainActor
public enum PendingPictures {
    public static var missed = false
}
