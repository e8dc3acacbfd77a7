import { Extension } from '@tiptap/react'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/** The image files among those dropped or pasted. */
export function imageFilesOf(files: FileList | undefined | null): File[] {
  return [...(files ?? [])].filter((file) => file.type.startsWith('image/'))
}

export interface FileDropOptions {
  /** Called with the image files dropped or pasted, and the position to put them at. */
  onImageFiles: (files: File[], position: number) => void
}

/** Image files dropped on the body or pasted into it go to `onImageFiles` (which uploads them). */
export const FileDrop = Extension.create<FileDropOptions>({
  name: 'fileDrop',
  addOptions: () => ({ onImageFiles: () => undefined }),
  addProseMirrorPlugins() {
    const { onImageFiles } = this.options
    return [
      new Plugin({
        key: new PluginKey('fileDrop'),
        props: {
          handleDrop: (view, event) => {
            const files = imageFilesOf(event.dataTransfer?.files)
            if (files.length === 0) return false
            event.preventDefault()
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            onImageFiles(files, at?.pos ?? view.state.selection.from)
            return true
          },
          handlePaste: (view, event) => {
            const files = imageFilesOf(event.clipboardData?.files)
            if (files.length === 0) return false
            onImageFiles(files, view.state.selection.from)
            return true
          },
        },
      }),
    ]
  },
})
