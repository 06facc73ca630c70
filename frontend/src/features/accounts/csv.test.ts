import { describe, expect, it } from "vitest";
import type { TransactionView } from "../../api/models";
import { CSV_HEADER, toCsv } from "./csv";

const tx = (over: Partial<TransactionView>): TransactionView => ({
  bank_id: "vbank",
  account_id: "acc-1",
  transaction_id: "tx-1",
  booked_at: "2026-11-30T21:30:00Z",
  amount: "-1234.56",
  currency: "RUB",
  direction: "out",
  status: "booked",
  description: "Покупка",
  merchant_name: "Пятёрочка",
  mcc: "5411",
  category: "groceries",
  category_label: "Продукты",
  counterparty_name: null,
  card_masked: null,
  value_date: null,
  ...over,
});

const ctx = { timeZone: "Europe/Moscow", bankName: (b: string) => b.toUpperCase(), accountName: () => "****0001" };

describe("CSV export", () => {
  it("has a BOM, a Russian header, ; separators, local dates and decimal commas", () => {
    const [header, row] = toCsv([tx({})], ctx).replace(/^\ufeff/, "").split("\r\n");
    expect(header).toBe(CSV_HEADER.join(";"));
    // 21:30 UTC on the 30th is 00:30 on 1 December in Moscow.
    expect(row).toBe("2026-12-01;00:30;VBANK;****0001;Покупка;Пятёрочка;;Продукты;5411;-1234,56;RUB;проведена;tx-1");
    expect(toCsv([], ctx).startsWith("\ufeff")).toBe(true);
  });

  it("quotes fields with separators, quotes or line breaks", () => {
    const text = toCsv([tx({ description: 'Перевод; "за квартиру"\nмай', status: "pending", amount: "50000" })], ctx);
    expect(text).toContain(';"Перевод; ""за квартиру""\nмай";');
    expect(text).toContain(";50000;RUB;в обработке;");
  });
});
