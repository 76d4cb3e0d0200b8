import * as vscode from 'vscode';
import type { AiCoderClient } from '@aicoder/client' with { 'resolution-mode': 'import' };

const formatTokens = (tokens: number) =>
  tokens >= 1_000_000
    ? `${(tokens / 1_000_000).toFixed(1)}M`
    : tokens >= 1000
      ? `${Math.floor(tokens / 1000)}k`
      : `${tokens}`;

/** The tokens this user can still spend, in the status bar; refreshed after each answer and on demand. */
export class BalanceItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly client: AiCoderClient) {
    this.item.command = 'aicoder.refreshBalance';
    this.item.show();
  }

  async refresh(): Promise<void> {
    if (!(await this.client.currentSession())) {
      this.item.text = '$(account) AI Coder: sign in';
      this.item.tooltip = 'Sign in with GitHub';
      this.item.command = 'aicoder.signInWithGitHub';
      return;
    }
    this.item.command = 'aicoder.refreshBalance';
    try {
      const balance = await this.client.balance();
      this.item.text = `$(sparkle) ${formatTokens(balance.available)} tokens`;
      this.item.tooltip = `${balance.tokens_used} of ${balance.monthly_limit} used (${balance.subscription_tier}); resets ${balance.reset_date}`;
    } catch {
      this.item.text = '$(warning) AI Coder';
      this.item.tooltip = 'The balance could not be read';
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
