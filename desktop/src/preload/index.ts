import type { ErrorCode } from '@vantage/shared';
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type {
  ApiEvent,
  ApiResult,
  ApiTransport,
  MethodInput,
  MethodName,
  MethodOutput,
  Unsubscribe,
} from '../contract/index.js';
import { IPC_CHANNELS } from '../main/ipc-channels.js';

// The sandboxed preload: the page's only way to the core. It exposes the same ApiTransport the
// web mode's WebSocket client implements, and nothing of Node or Electron.

const INTERNAL: ErrorCode = 'VANTAGE_ERR_INTERNAL';

async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<ApiResult<MethodOutput<M>>> {
  try {
    return (await ipcRenderer.invoke(IPC_CHANNELS.call, method, input)) as ApiResult<MethodOutput<M>>;
  } catch (error) {
    // Only when the main process is gone or its handler threw past dispatchCall: still a value, never a throw.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: INTERNAL, message: `the app did not answer ${method}: ${reason}` } };
  }
}

function subscribe(listener: (event: ApiEvent) => void): Unsubscribe {
  const forward = (_sender: IpcRendererEvent, event: ApiEvent) => listener(event);
  ipcRenderer.on(IPC_CHANNELS.event, forward);
  return () => {
    ipcRenderer.removeListener(IPC_CHANNELS.event, forward);
  };
}

const transport = { call, subscribe } satisfies ApiTransport;

contextBridge.exposeInMainWorld('vantage', transport);

// A tray or notification click asks the page to show a monitor: posted to the window, where the
// renderer listens for `{ type: 'navigate', … }` messages. It carries only a monitor id, so any
// target origin (a file:// page's is "null") is fine.
const page = globalThis as unknown as { postMessage(message: unknown, targetOrigin: string): void };
ipcRenderer.on(IPC_CHANNELS.navigate, (_sender, message: unknown) => page.postMessage(message, '*'));
