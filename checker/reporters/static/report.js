(function(){var root=document.documentElement,last=null;
document.addEventListener("keydown",function(e){if(e.key==="Escape"){root.classList.add("tips-off");}});
document.addEventListener("focusin",function(){root.classList.remove("tips-off");});
document.addEventListener("mouseover",function(e){var h=e.target.closest?e.target.closest(".hl"):null;
if(h!==last){last=h;root.classList.remove("tips-off");}});
document.addEventListener("change",function(e){if(!e.target.closest||!e.target.closest(".filter-form")){return;}
document.querySelectorAll(".clause-group").forEach(function(g){g.hidden=!Array.prototype.some.call(
g.querySelectorAll("ol.findings>li"),function(li){return getComputedStyle(li).display!=="none";});});});})();
