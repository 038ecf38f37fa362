import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';

/**
 * The admin console's people and operations screens (learners, audit log, bundle import), driven by role
 * and label; `tabTo` reaches a control with the Tab key alone, as a keyboard user does.
 */
export class AdminPeople {
  constructor(readonly page: Page) {}

  /** Presses Tab until `target` has the focus (at most `limit` presses), then leaves the focus there. */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    const handle = await target.elementHandle();
    for (let presses = 0; presses < limit; presses++) {
      await this.page.keyboard.press('Tab');
      if (await handle!.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  /** The Log out label on one line, on the same row as the language control. */
  async expectHeaderToolsOnOneLine(where: string): Promise<void> {
    const header = this.page.getByRole('banner');
    const button = header.getByRole('button', { name: /^(Log out|Выйти)$/ });
    const lines = await button.evaluate((element) => {
      const style = (globalThis as any).getComputedStyle(element);
      const content = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return content / parseFloat(style.lineHeight);
    });
    expect(lines, `lines of the Log out label ${where}`).to.be.below(1.5);
    const select = header.getByRole('combobox');
    const [buttonBox, selectBox] = [await button.boundingBox(), await select.boundingBox()];
    const middle = (box: { y: number; height: number } | null) => (box === null ? NaN : box.y + box.height / 2);
    expect(Math.abs(middle(buttonBox) - middle(selectBox)), `language and Log out on one row ${where}`).to.be.below(4);
  }

  /** The header's navigation sits on one row of its own, under the brand and the tools. */
  async expectNavigationOnOneRow(where: string): Promise<void> {
    const header = this.page.getByRole('banner');
    const links = header.getByRole('navigation').getByRole('link');
    const tops = new Set<number>();
    for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox())))
      if (box !== null) tops.add(Math.round(box.y));
    expect(tops.size, `rows of navigation links ${where}`).to.equal(1);
    const brand = await header.getByText(/^(Adaptive learning|Адаптивное обучение)/).boundingBox();
    expect([...tops][0]!, `navigation under the brand ${where}`).to.be.above((brand?.y ?? 0) + (brand?.height ?? 0));
  }

  /** Chooses a file the way a person does: the button opens the browser's file chooser. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose a JSON file' }).click();
    await (await chooser).setFiles(path);
    await this.page.getByText(/^Chosen file: /).waitFor();
  }

  /** The cells of a table's body rows, as text. */
  async rowsOf(table: Locator): Promise<string[][]> {
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
  }
}
