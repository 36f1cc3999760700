import Foundation
import PrikbordGraphics
import PrikbordStore
import Testing

@testable import PrikbordKiosk

/// Photos are decoded off the UI thread: the first frame is drawn without
/// waiting for them, and they arrive as repaints of their own blocks.
@MainActor
@Suite(.serialized)
struct PhotoArrivalTests {
    @Test func firstFrameDoesNotWaitAndPhotosRepaintOnlyTheirBlocks() throws {
        let demo = try DemoKiosk()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        let surface = Surface(width: 1080, height: 1920, color: .black)
        #expect(kiosk.draw(on: surface) == [Rect(x: 0, y: 0, width: 1080, height: 1920)])
        let before = Surface(width: 1080, height: 1920, color: .black)
        before.copy(Rect(x: 0, y: 0, width: 1080, height: 1920), from: surface)

        // The decoder's pipe turns readable on its own, without the UI
        // thread doing anything.
        var entry = pollfd(fd: kiosk.pictureFileDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&entry, 1, 5000) == 1)
        kiosk.settlePictures()
        #expect(kiosk.needsDrawing)

        let damage = kiosk.draw(on: surface)
        #expect(!damage.isEmpty)
        let painted = damage.reduce(0) { $0 + $1.width * $1.height }
        #expect(painted < 1080 * 1920 * 3 / 4, "the blocks with faces, not the whole screen")
        let difference = comparePictures(before, surface, channelTolerance: 0)
        #expect(difference.differingPixels > 1000, "the faces replaced their placeholders")
    }

    /// A screen of faces asks for many photos at once; the decoder gets one
    /// at a time (a decoded post photo is megabytes until it is scaled), and
    /// every face still arrives.
    @Test func photosAreDecodedOneAtATimeAndAllArrive() throws {
        let demo = try DemoKiosk()
        let kiosk = try demo.syncedKiosk()
        defer { kiosk.close() }
        let directory = try #require(kiosk.screenIDs.first { $0 == "directory" })
        kiosk.shell.select(screenID: directory)
        _ = kiosk.frame
        #expect(kiosk.data.photosOutstanding > 1, "the directory shows many faces")

        var most = 0
        var rounds = 0
        while kiosk.data.photosOutstanding > 0, rounds < 500 {
            most = max(most, kiosk.data.decoder.pending)
            kiosk.data.decoder.waitForOne(milliseconds: 100)
            kiosk.picturesArrived()
            rounds += 1
        }
        #expect(most == StoreData.decodesAtOnce)
        #expect(kiosk.data.photosOutstanding == 0)

        // Every face is in: drawing again asks for nothing more.
        _ = kiosk.frame
        #expect(kiosk.data.photosOutstanding == 0)
        #expect(!kiosk.needsDrawing)
    }

    @Test func corruptPhotoLeavesACalmTileAndTheRestOfTheScreen() throws {
        let demo = try DemoKiosk()
        let config = demo.config()
        #expect(KioskSync.once(config: config))
        // Cut every stored photo short after its header: it still looks like
        // a photo when the screen is laid out, and fails to decode. (`||`
        // would make the bytes text, which reads as no photo at all.)
        let store = try Store(path: KioskStore.path(in: config.dataDirectory))
        try store.database.run("UPDATE blob SET bytes = substr(bytes, 1, 600)")
        store.close()

        let kiosk = try Kiosk(config: config, width: 1080, height: 1920)
        defer { kiosk.close() }
        for id in kiosk.screenIDs {
            kiosk.show(screenID: id)
            #expect(kiosk.activeScreenID == id)
        }
        // No decode is left hanging: the screens settled.
        #expect(!kiosk.picturesArrived())

        // A sync that changes content decodes (and logs) no broken photo again.
        kiosk.show(screenID: "news")
        kiosk.contentChanged()
        _ = kiosk.frame
        #expect(kiosk.data.photosOutstanding == 0)
    }
}
