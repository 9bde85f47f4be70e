// The column being dragged by its header (dataTransfer cannot be read during dragover).
export const dragging: { id: string | null } = { id: null }
