import { describe, expect, it } from "vitest";
import { permalinkIdFrom } from "@/app/_components/annotations/panel/permalink-address";

describe("the permalink pasted into the editor's Cite field", () => {
  it.each([
    ["AbCdEf1234", "AbCdEf1234"],
    ["  AbCdEf1234\n", "AbCdEf1234"],
    ["/p/AbCdEf1234", "AbCdEf1234"],
    ["/en/p/AbCdEf1234", "AbCdEf1234"],
    ["https://glossa.example/en/p/AbCdEf1234", "AbCdEf1234"],
    ["https://glossa.example/pl/p/AbCdEf1234/", "AbCdEf1234"],
    ["http://127.0.0.1:3000/p/AbCdEf1234?x=1#:~:text=Z%20bolszewikami", "AbCdEf1234"],
    ["glossa.example/en/p/AbCdEf1234", "AbCdEf1234"],
  ])("%j → %s", (typed, id) => {
    expect(permalinkIdFrom(typed)).toBe(id);
  });

  it.each([
    "",
    "AbCdEf123",
    "AbCdEf12345",
    "AbCdEf123-",
    "https://glossa.example/en/sources/kuty-directive",
    "https://glossa.example/en/p/AbCdEf1234/extra",
    "https://glossa.example/en/p/AbCdEf12",
    "/p/",
    "not a link at all",
  ])("%j → null", (typed) => {
    expect(permalinkIdFrom(typed)).toBeNull();
  });
});
