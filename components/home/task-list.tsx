import Link from "next/link";

/**
 * One thing that waits, as a row of a home page's task list: how many, what, and where to do it.
 * `waiting` rows stand out; rows with nothing waiting stay, muted, so the list reads the same
 * every day and says plainly that there is nothing to do.
 */
export type Task = {
  key: string;
  title: string;
  detail?: string;
  count?: number;
  waiting: boolean;
  href?: string;
};

export function TaskList({ tasks, label }: { tasks: Task[]; label: string }) {
  return (
    <ul className="space-y-2" aria-label={label}>
      {tasks.map((task) => <li key={task.key}><TaskRow task={task} /></li>)}
    </ul>
  );
}

function TaskRow({ task }: { task: Task }) {
  const frame = `flex min-h-14 items-center gap-3 rounded-lg border bg-white p-3 shadow-sm ${task.waiting ? "border-red-300" : "border-stone-200"}`;
  const body = (
    <>
      {task.count !== undefined ? (
        <span className={`w-12 shrink-0 text-center text-2xl font-bold tabular-nums ${task.waiting ? "text-red-800" : "text-stone-600"}`} data-testid="task-count">
          {task.count}
        </span>
      ) : null}
      <span className="min-w-0 flex-1">
        <span className="block font-semibold text-stone-900">{task.title}</span>
        {task.detail ? <span className="block text-sm text-stone-700">{task.detail}</span> : null}
      </span>
      {task.href ? <span aria-hidden="true" className="shrink-0 text-2xl leading-none text-red-800">›</span> : null}
    </>
  );
  const data = { "data-testid": `task-${task.key}`, "data-waiting": task.waiting, "data-count": task.count };
  return task.href ? (
    <Link href={task.href} className={`${frame} hover:border-red-800 focus-visible:border-red-800`} {...data}>{body}</Link>
  ) : (
    <div className={frame} {...data}>{body}</div>
  );
}
