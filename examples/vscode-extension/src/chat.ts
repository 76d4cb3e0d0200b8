import * as vscode from 'vscode';
import type { AiCoderClient } from '@aicoder/client' with { 'resolution-mode': 'import' };

/** Asks the model and streams the answer into an output channel; `stop()` cancels it on the server. */
export class Chat implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('AI Coder');
  private running: AbortController | undefined;

  constructor(
    private readonly client: AiCoderClient,
    private readonly describe: (error: unknown) => string,
  ) {}

  async ask(question: string, model: string): Promise<void> {
    this.stop();
    const controller = new AbortController();
    this.running = controller;
    await vscode.commands.executeCommand('setContext', 'aicoder.answering', true);
    this.output.show(true);
    this.output.appendLine(`\n> ${question}\n`);
    try {
      const stream = this.client.streamChat(
        { model, messages: [{ role: 'user', content: question }], stream_options: { include_usage: true } },
        { signal: controller.signal },
      );
      for await (const chunk of stream) {
        for (const choice of chunk.choices) this.output.append(choice.delta.content ?? '');
        if (chunk.usage) this.output.appendLine(`\n\n(${chunk.usage.total_tokens} tokens)`);
      }
    } catch (error) {
      if (controller.signal.aborted) this.output.appendLine('\n\n(stopped)');
      else this.output.appendLine(`\n\n${this.describe(error)}`);
    } finally {
      if (this.running === controller) this.running = undefined;
      await vscode.commands.executeCommand('setContext', 'aicoder.answering', false);
    }
  }

  /** Stops the answer being streamed: the server stops the model, and bills only what it produced. */
  stop(): void {
    this.running?.abort();
  }

  dispose(): void {
    this.stop();
    this.output.dispose();
  }
}
