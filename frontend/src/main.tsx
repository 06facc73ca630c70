import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Boot } from "./Boot";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/components.css";
import "./styles/features.css";
import "./styles/money.css";
import "./styles/actions.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
