import { useEffect, useState } from 'react';
import { useApp } from '../app/appContext';
import { useUiStore } from '../store/uiStore';
import { isTextField } from '../ui/isTextField';
import { imageFilesOf, importImageFiles } from './importImages';

/** Images dropped anywhere on the window or pasted (outside text fields) become screens. Returns whether a drag is over the window. */
export function useImageDropAndPaste(): boolean {
  const { client } = useApp();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const add = (files: File[]) => {
      const projectPath = useUiStore.getState().projectPath;
      if (projectPath && files.length) void importImageFiles(client, projectPath, files);
    };
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault(); // allows the drop
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // never navigate to the dropped file
      depth = 0;
      setDragging(false);
      add(imageFilesOf(event.dataTransfer));
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      const files = imageFilesOf(event.clipboardData);
      if (!files.length) return;
      event.preventDefault();
      // Browsers call every pasted image "image.png": give it a name the author can tell apart.
      const stamp = new Date().toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      add(files.map((file) => (/^image\.(png|jpe?g|webp)$/i.test(file.name) ? new File([file], `Pasted ${stamp}.${file.name.split('.').pop()}`, { type: file.type }) : file)));
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [client]);
  return dragging;
}
