// Sends a file with XMLHttpRequest rather than fetch: only XHR reports upload progress, and
// the progress bar should show what has really been sent.

export type UploadResult = { status: number; body: unknown };

type Callbacks = { locale: string; onProgress: (fraction: number) => void; onSent: () => void };

export function uploadFile(url: string, file: File, { locale, onProgress, onSent }: Callbacks): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    // The report's messages in the language of the page, whatever the browser's own.
    xhr.setRequestHeader("Accept-Language", locale);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = onSent;
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
